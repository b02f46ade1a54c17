"""Held-out HTML pages: new articles in site templates written without seeing the cleaner.

    python benchmarks/ingest_eval/heldout_html.py   # rewrites benchmarks/ingest_eval/heldout_html/
    python benchmarks/ingest_quality.py -v benchmarks/ingest_eval/heldout_html

The articles (heldout_html_articles.yml, invented events) are not those of articles.yml,
and the nine templates are modelled on what news sites served in 2024-2025: a WordPress
theme, a big-newsroom CMS with JSON-LD and inline promos, an AMP page, an agency wire
page, a regional site whose header <time> is "today", a div-soup portal with <br>-separated
text, a live blog, a photo feature with embedded posts and a paywall prompt, and a small
site with no date at all. Everything is seeded, so a run writes the same bytes.

Annotation rules (the same for every template):

- body: only the article's own text, paragraphs and subheadings in order (a subheading is a
  plain entry, as in the existing pages' expected files). Not body: photo captions and
  credits, embedded social-media posts, "Read more"/related teasers (also when placed
  inside the article body), newsletter and paywall promotions, advertisements, bylines,
  datelines-as-metadata ("Published ...", "Updated ...", live-blog timestamps), share bars,
  tags, author bio boxes, comments, the agency sign-off "(Reporting by X; Editing by Y)"
  and trust-principles lines.
- an agency dateline that opens the first paragraph ("ACCRA, Feb 6 (Northstar) - ...") is
  kept as part of that paragraph, as heldout.py's agency pages and the hand-annotated seed
  pages (assemble.py SEEDS: "DOHA, Qatar", "ISTANBUL (AA)") do.
- title: the article headline (the <h1>), without the " | Site" suffix of <title>.
- published: the day the article was first published (not "updated", not the site's
  "today", not a related story's date); null when the page carries no date.
- outlet: the site's name as the page gives it (og:site_name, masthead or copyright).
- author: the reporter named in the byline (or the agency sign-off's "Reporting by"); null
  when no person is named. Editors, photographers and tweet authors are not authors.
"""

from __future__ import annotations

import html
import json
import random
from datetime import datetime, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
OUT = HERE / "heldout_html"
ARTICLES = HERE / "heldout_html_articles.yml"

TEASERS = [
    (
        "Council approves plan for car-free city centre by 2028",
        "Councillors voted 31 to 18 on Tuesday night to close the central streets to private cars within three years.",
    ),
    (
        "Two climbers rescued after night on glacier",
        "A helicopter crew lifted the pair to safety at first light after they were caught by a sudden storm.",
    ),
    (
        "Teachers vote to accept pay offer, ending months of walkouts",
        "Members of the largest teaching union backed the deal by a margin of almost three to one.",
    ),
    (
        "Bakery chain to close 40 shops as costs rise",
        "The company blamed higher energy bills and wages for the closures, which will affect around 600 jobs.",
    ),
    (
        "Rare white stork chicks hatch at wetland reserve",
        "Wardens said it was the first time the birds had bred in the area for more than a century.",
    ),
    (
        "Port workers approve automation deal after long dispute",
        "The agreement guarantees jobs for existing staff while allowing new cranes to be installed.",
    ),
    (
        "Police investigate break-in at city museum",
        "Thieves took several antique coins and a silver cup in the early hours of Saturday, police said.",
    ),
    (
        "Heat pump grants to be doubled, minister says",
        "Households will be able to claim up to 10,000 euros towards the cost of replacing gas boilers.",
    ),
]
COMMENTS = [
    (
        "Harold P.",
        "About time someone wrote about this properly. The locals have been complaining for years.",
    ),
    (
        "northern_lass",
        "Does anyone know if the council has said anything? Nothing on their website yet.",
    ),
    ("D. Okonkwo", "Good article, but you left out the part about who actually owns the company."),
]


def e(s: str) -> str:
    return html.escape(s, quote=True)


def _d(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def paras(a: dict) -> list[tuple[bool, str]]:
    """(is_subheading, text) for each body entry."""
    return [(True, p[3:]) if p.startswith("## ") else (False, p) for p in a["body"]]


def body_lines(a: dict) -> list[str]:
    return [t for _, t in paras(a)]


def slug(s: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in s.lower()).split())[:60]


def _long(d: datetime) -> str:
    return f"{d.day} {d:%B %Y}"


def _us(d: datetime) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def _iso(d: datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def tweet(a: dict, pub: datetime) -> str:
    who = a["tweet_by"]
    handle = who.split("(@")[1].rstrip(")")
    day = pub
    return (
        f'<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">{e(a["tweet"])}</p>'
        f'&mdash; {e(who)} <a href="https://twitter.com/{handle}/status/18{day:%m%d}0042">'
        f"{_us(day)}</a></blockquote>\n"
        '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    )


def teaser_list(rng: random.Random, n: int, with_summary: bool = False, dated=None) -> str:
    items = []
    for k, (h, s) in enumerate(rng.sample(TEASERS, n)):
        extra = f"<p>{e(s)}</p>" if with_summary else ""
        if dated is not None:
            d = dated - timedelta(days=rng.randint(1, 30))
            extra += f'<span class="date">{_us(d)}</span>'
        items.append(f'<li><a href="/news/{slug(h)}-{k}">{e(h)}</a>{extra}</li>')
    return "<ul>" + "".join(items) + "</ul>"


# --- 1. WordPress theme -----------------------------------------------------------------


def wp_theme(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    site = "The Lakeside Courier"
    mod = pub + timedelta(hours=rng.randint(2, 30))
    author = a["author"]
    caps = list(a.get("captions") or [])
    parts = []
    for k, (sub, t) in enumerate(paras(a)):
        parts.append(f'<h2 class="wp-block-heading">{e(t)}</h2>' if sub else f"<p>{e(t)}</p>")
        if k == 1 and caps:
            parts.append(
                '<figure class="wp-block-image size-large"><img decoding="async" width="1024" '
                f'height="683" src="/wp-content/uploads/{pub:%Y/%m}/{a["id"]}-1024x683.jpg" alt="" '
                f'class="wp-image-{rng.randint(1000, 9999)}"/><figcaption class="wp-element-caption">'
                f"{e(caps[0])}</figcaption></figure>"
            )
    related = "".join(
        f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title">'
        f'<a href="/{slug(h)}/">{e(h)}</a></h4><p class="jp-relatedposts-post-excerpt">{e(s)}</p>'
        f'<p class="jp-relatedposts-post-date">{_us(pub - timedelta(days=rng.randint(3, 60)))}</p>'
        '<p class="jp-relatedposts-post-context">In &quot;Local News&quot;</p></div>'
        for h, s in rng.sample(TEASERS, 3)
    )
    comments = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{e(u)}</b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><time datetime="{_iso(pub + timedelta(hours=5 + i))}">'
        f"{_us(pub)} at {(pub + timedelta(hours=5 + i)):%I:%M %p}</time></div></footer>"
        f'<div class="comment-content"><p>{e(t)}</p></div><div class="reply">'
        '<a class="comment-reply-link" href="#">Reply</a></div></article></li>'
        for i, (u, t) in enumerate(rng.sample(COMMENTS, 2))
    )
    byline = (
        f'<span class="byline"> by <span class="author vcard"><a class="url fn n" '
        f'href="/author/{slug(author)}/">{e(author)}</a></span></span>'
        if author
        else ""
    )
    author_box = (
        f'<div class="author-box"><img src="/avatar/{slug(author)}.jpg" alt="" width="96"><div>'
        f'<h4 class="author-title">About {e(author)}</h4><p class="author-description">{e(author)} '
        f"has reported for {site} since 2016, covering transport, the economy and the regions. "
        "Before that she worked for a news agency in the capital.</p>"
        f'<a href="/author/{slug(author)}/">View all posts by {e(author)} &rarr;</a></div></div>'
        if author
        else ""
    )
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"https://lakesidecourier.example/{slug(a['title'])}/#article",
                "headline": a["title"],
                "datePublished": _iso(pub),
                "dateModified": _iso(mod),
                **({"author": {"name": author, "@type": "Person"}} if author else {}),
                "publisher": {"@id": "https://lakesidecourier.example/#organization"},
            },
            {
                "@type": "Organization",
                "@id": "https://lakesidecourier.example/#organization",
                "name": site,
            },
        ],
    }
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])} &#8211; {site}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="https://lakesidecourier.example/{slug(a["title"])}/">
<meta property="og:locale" content="en_GB">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a["title"])} &#8211; {site}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{_iso(pub)}">
<meta property="article:modified_time" content="{_iso(mod)}">
{f'<meta name="author" content="{e(author)}">' if author else ""}
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(ld)}</script>
<link rel="stylesheet" id="astra-theme-css-css" href="/wp-content/themes/astra/assets/css/minified/main.min.css?ver=4.6.4" media="all">
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post postid-{rng.randint(10000, 99999)} single-format-standard wp-custom-logo ast-right-sidebar">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="page" class="hfeed site">
<header id="masthead" class="site-header"><div class="site-branding">
<p class="site-title"><a href="/" rel="home">{site}</a></p>
<p class="site-description">News for the lakes and valleys</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/">Home</a></li><li class="menu-item"><a href="/category/local-news/">Local News</a></li>
<li class="menu-item"><a href="/category/business/">Business</a></li><li class="menu-item"><a href="/category/sport/">Sport</a></li>
<li class="menu-item"><a href="/category/opinion/">Opinion</a></li><li class="menu-item"><a href="/contact/">Contact</a></li>
</ul></nav></header>
<div id="content" class="site-content"><div class="ast-container">
<div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="ast-breadcrumbs" aria-label="Breadcrumbs"><a href="/">Home</a> &raquo; <a href="/category/local-news/">Local News</a> &raquo; <span>{e(a["title"])}</span></nav>
<article id="post-{rng.randint(1000, 9999)}" class="post type-post status-publish format-standard has-post-thumbnail hentry category-local-news">
<header class="entry-header">
<h1 class="entry-title">{e(a["title"])}</h1>
<div class="entry-meta"><span class="posted-on"><a href="#" rel="bookmark"><time class="entry-date published" datetime="{_iso(pub)}">{_us(pub)}</time><time class="updated" datetime="{_iso(mod)}">{_us(mod)}</time></a></span>{byline}
<span class="comments-link"><a href="#comments">2 Comments</a></span></div>
</header>
<div class="entry-content clear">
{chr(10).join(parts)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3>
<ul><li><a class="share-facebook" href="#"><span>Facebook</span></a></li><li><a class="share-twitter" href="#"><span>X</span></a></li>
<li><a class="share-jetpack-whatsapp" href="#"><span>WhatsApp</span></a></li><li><a class="share-email" href="#"><span>Email</span></a></li></ul></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>{related}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/local-news/" rel="category tag">Local News</a></span>
<span class="tags-links">Tagged <a href="/tag/{a["id"]}/" rel="tag">{a["id"]}</a></span></footer>
</article>
{author_box}
<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links">
<div class="nav-previous"><a href="#" rel="prev"><span class="meta-nav">Previous</span> {e(rng.choice(TEASERS)[0])}</a></div>
<div class="nav-next"><a href="#" rel="next"><span class="meta-nav">Next</span> {e(rng.choice(TEASERS)[0])}</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on &ldquo;{e(a["title"])}&rdquo;</h2>
<ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a href="#">Cancel reply</a></small></h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label><textarea id="comment" name="comment"></textarea></p>
<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label><input id="author" name="author" type="text"></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label><input id="email" name="email" type="email"></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" type="checkbox"><label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form role="search" class="search-form"><label>Search for:<input type="search" name="s"></label><button>Search</button></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>{teaser_list(rng, 4)}</section>
<section class="widget widget_text"><h2 class="widget-title">About us</h2><div class="textwidget"><p>{site} is an independent, reader-funded newspaper serving the lakes and valleys since 1994. We rely on our readers to keep local journalism alive.</p></div></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="#">{pub:%B %Y}</a></li><li><a href="#">{(pub - timedelta(days=31)):%B %Y}</a></li></ul></section></aside>
</div></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; {pub.year} {site} &mdash; Powered by <a href="https://wordpress.org/">WordPress</a> | Theme: Astra</div></footer>
</div>
<script id="wp-emoji-settings" type="application/json">{{"baseUrl":"https://s.w.org/images/core/emoji/15.0.3/72x72/"}}</script>
</body>
</html>
"""
    return page, {"outlet": site, "author": author}


# --- 2. big-newsroom CMS ----------------------------------------------------------------


def newsroom_cms(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    site = "The National Ledger"
    mod = pub + timedelta(hours=rng.randint(1, 6), minutes=rng.randint(0, 59))
    author = a["author"]
    t1, t2, t3, *_ = rng.sample(TEASERS, 5)
    caps = list(a.get("captions") or [])
    parts = []
    for k, (sub, t) in enumerate(paras(a)):
        parts.append(
            f'<h2 class="article-subheading">{e(t)}</h2>'
            if sub
            else f'<p class="article-paragraph" data-component="text-block">{e(t)}</p>'
        )
        if k == 1:
            parts.append(
                f'<p class="related-inline"><strong>Read more:</strong> <a href="/news/{slug(t1[0])}">'
                f"{e(t1[0])}</a></p>"
            )
        if k == 3:
            parts.append(
                '<aside class="newsletter-promo" data-component="newsletter-signup">'
                '<h3 class="promo-title">Sign up for The Morning Ledger</h3>'
                "<p>Our essential guide to the day's biggest stories, delivered to your inbox every weekday at 7am.</p>"
                '<form><label for="nl-email">Email address</label><input id="nl-email" type="email" placeholder="you@example.com">'
                '<button>Sign up</button></form><p class="promo-legal">By signing up you agree to our Terms of '
                "Service and acknowledge that you have read our Privacy Policy.</p></aside>"
            )
        if k == 5:
            parts.append(
                '<div class="ad-container" data-ad-slot="mid-article"><span>Advertisement</span></div>'
            )
        if k == 6:
            parts.append(
                f'<p><a href="/news/{slug(t2[0])}"><strong>READ MORE: {e(t2[0])}</strong></a></p>'
            )
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": f"https://nationalledger.example/news/{slug(a['title'])}",
        },
        "headline": a["title"],
        "image": [f"https://cdn.nationalledger.example/img/{a['id']}-16x9.jpg"],
        "datePublished": _iso(pub),
        "dateModified": _iso(mod),
        "author": [
            {
                "@type": "Person",
                "name": author,
                "url": f"https://nationalledger.example/by/{slug(author)}",
            }
        ]
        if author
        else [{"@type": "Organization", "name": site}],
        "publisher": {
            "@type": "Organization",
            "name": site,
            "logo": {"@type": "ImageObject", "url": "https://nationalledger.example/logo.png"},
        },
        "isAccessibleForFree": True,
    }
    byline = (
        f'<div class="byline"><span class="by">By</span> <a class="author-link" href="/by/{slug(author)}">{e(author)}</a>'
        '<span class="role">, Senior Correspondent</span></div>'
        if author
        else ""
    )
    lead = (
        f'<figure class="lead-image"><picture><source srcset="/img/{a["id"]}-1200.webp" type="image/webp">'
        f'<img src="/img/{a["id"]}-1200.jpg" alt="{e(caps[0])}" loading="eager"></picture>'
        f'<figcaption><span class="caption-text">{e(caps[0])}</span> <span class="credit">Image: Ledger Pictures</span></figcaption></figure>'
        if caps
        else ""
    )
    page = f"""<!doctype html>
<html lang="en" data-theme="light">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | {site}</title>
<meta name="description" content="{e(body_lines(a)[0][:150])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:url" content="https://nationalledger.example/news/{slug(a["title"])}">
<meta property="og:image" content="https://cdn.nationalledger.example/img/{a["id"]}-16x9.jpg">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@nationalledger">
<meta property="article:published_time" content="{_iso(pub)}">
<meta property="article:modified_time" content="{_iso(mod)}">
<meta property="article:section" content="News">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>window.__PRELOADED_STATE__={{"user":{{"loggedIn":false}},"paywall":{{"meter":3}}}};</script>
<link rel="preload" as="font" href="/fonts/ledger-serif.woff2" crossorigin>
</head>
<body>
<div id="app">
<div class="breaking-banner" role="region" aria-label="Breaking news"><span class="label">Breaking</span> <a href="/live">{e(t3[0])}</a></div>
<header class="site-header"><a class="skip" href="#main-content">Skip to main content</a>
<a class="logo" href="/" aria-label="{site} home"><svg viewBox="0 0 200 40"><title>{site}</title></svg></a>
<nav aria-label="Sections"><ul><li><a href="/news">News</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/climate">Climate</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/culture">Culture</a></li></ul></nav>
<div class="account"><a href="/subscribe" class="btn">Subscribe</a> <a href="/login">Log in</a></div></header>
<main id="main-content">
<article class="article" data-article-id="{rng.randint(100000, 999999)}">
<header class="article-header">
<a class="kicker" href="/news">News</a>
<h1 class="article-headline">{e(a["title"])}</h1>
{byline}
<div class="timestamps"><time datetime="{_iso(pub)}">Published {_long(pub)}, {pub:%H:%M} GMT</time> <time datetime="{_iso(mod)}" class="updated">Updated {mod:%H:%M} GMT</time></div>
<div class="share-tools"><button aria-label="Share on Facebook">Facebook</button><button aria-label="Share on X">X</button><button aria-label="Copy link">Copy link</button><button>Save</button><button>Gift this article</button></div>
</header>
{lead}
<div class="article-body" itemprop="articleBody">
{chr(10).join(parts)}
</div>
<div class="article-topics"><h4>Topics</h4><a href="/t/news">News</a> <a href="/t/{a["id"]}">{a["id"].title()}</a></div>
</article>
<section class="more-on-story"><h2>More on this story</h2>{teaser_list(rng, 3, with_summary=True)}</section>
<section class="most-read"><h2>Most read</h2><ol>{"".join(f"<li><a href='#'>{e(h)}</a></li>" for h, _ in rng.sample(TEASERS, 5))}</ol></section>
</main>
<footer class="site-footer"><nav><a href="/about">About us</a> <a href="/terms">Terms of Service</a> <a href="/privacy">Privacy Policy</a> <a href="/cookies">Cookie settings</a> <a href="/accessibility">Accessibility</a></nav>
<p>&copy; {mod.year} {site} Ltd. All rights reserved. {site} is not responsible for the content of external sites.</p></footer>
</div>
<div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner"><div class="ot-sdk-container">
<p id="onetrust-policy-text">We and our partners use cookies and similar technologies to store and access information on your device, to personalise ads and content, measure ad and content performance, and develop our products. You can accept all, reject all or manage your choices.</p>
<button id="onetrust-accept-btn-handler">Accept all</button><button id="onetrust-reject-all-handler">Reject all</button><button id="onetrust-pc-btn-handler">Manage preferences</button></div></div>
</body>
</html>
"""
    return page, {"outlet": site, "author": author}


# --- 3. AMP page ------------------------------------------------------------------------


def amp_page(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    site = "Metro Express"
    author = a["author"]
    caps = list(a.get("captions") or [])
    parts = []
    for k, (sub, t) in enumerate(paras(a)):
        parts.append(f"<h2>{e(t)}</h2>" if sub else f"<p>{e(t)}</p>")
        if k == 2:
            parts.append(
                '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/metro/article">'
                "<div fallback>Advertisement</div></amp-ad>"
            )
    ld = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "datePublished": _iso(pub),
        **({"author": {"@type": "Person", "name": author}} if author else {}),
        "publisher": {"@type": "Organization", "name": site},
    }
    fig = (
        f'<figure class="amp-wp-article-featured-image"><amp-img src="/img/{a["id"]}.jpg" width="1200" height="800" '
        f'layout="responsive" alt=""></amp-img><figcaption>{e(caps[0])}</figcaption></figure>'
        if caps
        else ""
    )
    page = f"""<!doctype html>
<html amp lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<title>{e(a["title"])} - {site}</title>
<link rel="canonical" href="https://metroexpress.example/news/{slug(a["title"])}">
<meta name="viewport" content="width=device-width">
<script type="application/ld+json">{json.dumps(ld)}</script>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>.amp-header{{background:#c00;color:#fff}}.amp-meta{{font-size:13px}}</style>
</head>
<body>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="/amp/news">News</a></li><li><a href="/amp/sport">Sport</a></li><li><a href="/amp/showbiz">Showbiz</a></li><li><a href="/amp/money">Money</a></li></ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">&#9776;</button><a href="/"><amp-img src="/logo.png" width="160" height="32" alt="{site}"></amp-img></a></header>
<article class="amp-article">
<h1 class="amp-title">{e(a["title"])}</h1>
<div class="amp-meta">{f'<span class="amp-author">{e(author)}</span> ' if author else ""}<time datetime="{_iso(pub)}">{pub:%a}, {pub:%b} {pub.day}, {pub.year}</time></div>
<div class="amp-share"><amp-social-share type="facebook" width="36" height="36"></amp-social-share><amp-social-share type="twitter" width="36" height="36"></amp-social-share><amp-social-share type="whatsapp" width="36" height="36"></amp-social-share></div>
{fig}
<div class="amp-body">
{chr(10).join(parts)}
</div>
</article>
<div class="amp-related"><h3>Most popular</h3>{teaser_list(rng, 3)}</div>
<a class="full-site" href="https://metroexpress.example/news/{slug(a["title"])}">View full site</a>
<footer class="amp-footer">&copy; {pub.year} {site} Limited. All rights reserved.</footer>
<amp-analytics type="googleanalytics"><script type="application/json">{{"vars":{{"account":"UA-0000-1"}}}}</script></amp-analytics>
</body>
</html>
"""
    return page, {"outlet": site, "author": author}


# --- 4. agency wire ---------------------------------------------------------------------


def dateline(a: dict, pub: datetime) -> str:
    return f"{a['place']}, {pub:%b} {pub.day} (Northstar) - "


def wire(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    site = "Northstar News"
    author = a["author"]
    items = paras(a)
    first = dateline(a, pub) + items[0][1]
    parts = [f'<p data-testid="paragraph-0" class="text__paragraph">{e(first)}</p>']
    for k, (sub, t) in enumerate(items[1:], 1):
        parts.append(
            f'<h2 data-testid="Heading" class="text__heading">{e(t)}</h2>'
            if sub
            else f'<p data-testid="paragraph-{k}" class="text__paragraph">{e(t)}</p>'
        )
    editor = rng.choice(["Helen Pryce", "Mark Delaney", "Sonia Varga"])
    signoff = (
        f"(Reporting by {author}; Additional reporting by {rng.choice(['Jonas Eide', 'Ana Ruiz', 'Lee Morgan'])}; Editing by {editor})"
        if author
        else f"(Editing by {editor})"
    )
    ago = rng.randint(2, 9)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:type" content="article">
<meta name="article:published_time" content="{_iso(pub)}">
<meta name="analyticsAttributes.contentChannel" content="World">
</head>
<body>
<div id="fusion-app">
<header class="site-header"><a href="/" class="logo">{site}</a>
<nav><a href="/world/">World</a> <a href="/business/">Business</a> <a href="/markets/">Markets</a> <a href="/sustainability/">Sustainability</a> <a href="/legal/">Legal</a> <a href="/breakingviews/">Breakingviews</a> <a href="/technology/">Technology</a></nav>
<div><a href="/account/register">Register</a> <a href="/account/sign-in">Sign in</a></div></header>
<main id="main-content">
<nav class="breadcrumb"><a href="/world/">World</a></nav>
<article class="article__container">
<h1 data-testid="Heading">{e(a["title"])}</h1>
<div class="article-info">
{f'<div class="author-name"><a href="/authors/{slug(author)}/" rel="author">By {e(author)}</a></div>' if author else ""}
<div class="article-body__reading-time">{max(2, len(body_lines(a)) // 3)} minute read</div>
<time datetime="{_iso(pub)}" class="article-header__dateline"><span>{_us(pub)}</span><span>{pub:%I:%M %p} GMT</span><span>Updated {ago} hours ago</span></time>
</div>
<div class="article-body__content" data-testid="ArticleBody">
{chr(10).join(parts)}
<p class="sign-off text__paragraph">{e(signoff)}</p>
</div>
<div class="trust-badge"><a href="/info-pages/trust-principles/">Our Standards: The Northstar Trust Principles.</a></div>
<div class="tags"><h4>Tags</h4><a href="#">World</a> <a href="#">Europe</a></div>
</article>
<section class="read-next"><h2>Read Next</h2>{teaser_list(rng, 3, dated=pub)}</section>
<aside class="newsletter"><h3>Get our morning newsletter</h3><p>The Daily Briefing newsletter provides all the news you need to start your day.</p><a href="/newsletters">Sign up here.</a></aside>
</main>
<footer><p>All quotes delayed a minimum of 15 minutes. See here for a complete list of exchanges and delays.</p><p>&copy; {pub.year} Northstar. All rights reserved</p></footer>
</div>
</body>
</html>
"""
    body = [first, *[t for _, t in items[1:]]]
    return page, {"outlet": site, "author": author, "body": body}


# --- 5. regional site whose header <time> is "today" --------------------------------------


def stale_today(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    today = pub + timedelta(days=rng.randint(75, 210))
    site = "The Upland Examiner"
    author = a["author"]
    caps = list(a.get("captions") or [])
    parts = []
    for k, (sub, t) in enumerate(paras(a)):
        parts.append(f"<h3>{e(t)}</h3>" if sub else f"<p>{e(t)}</p>")
        if k == 2:
            parts.append(
                '<div class="meter-prompt"><p><strong>You have read 3 of your 5 free articles this month.</strong></p>'
                "<p>Subscribe today for unlimited access to local news you can trust, from just 1 euro a week.</p>"
                '<a class="btn" href="/subscribe">Subscribe now</a> <a href="/login">Already a subscriber? Log in</a></div>'
            )
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "datePublished": _iso(pub),
        "dateModified": _iso(pub + timedelta(hours=3)),
        **({"author": [{"@type": "Person", "name": author}]} if author else {}),
        "publisher": {"@type": "NewsMediaOrganization", "name": site},
    }
    trending = " ".join(f'<a href="#">{e(h)}</a>' for h, _ in rng.sample(TEASERS, 3))
    fig = (
        f'<div class="hero"><img src="/media/{a["id"]}.jpg" alt=""><div class="hero-caption">{e(caps[-1])}</div></div>'
        if caps
        else ""
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{e(a["title"])}">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head>
<body>
<div class="topbar"><time datetime="{today:%Y-%m-%d}">{today:%A}, {_long(today)}</time> <span class="weather">Upland 14&deg;C, light rain</span> <a href="/epaper">Today's e-paper</a></div>
<header><div class="masthead"><a href="/">{site}</a></div>
<nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/farming">Farming</a> <a href="/whats-on">What's On</a> <a href="/jobs">Jobs</a> <a href="/notices">Notices</a></nav></header>
<div class="trending"><span>Trending:</span> {trending}</div>
<div class="container">
<div class="breadcrumbs"><a href="/">Home</a> / <a href="/news">News</a> / <span>{e(a["title"])}</span></div>
<div class="story">
<h1 class="story-title">{e(a["title"])}</h1>
{f'<div class="story-author">Words: <span class="author-name">{e(author)}</span></div>' if author else ""}
<div class="listen"><button>Listen to this article</button> <span>{max(2, len(body_lines(a)) // 3)} min</span></div>
{fig}
<div class="story-text">
{chr(10).join(parts)}
</div>
<div class="story-share">Share this story: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
</div>
<div class="sidebar"><h4>Latest news</h4>{teaser_list(rng, 4, dated=today)}<h4>Notices</h4><ul><li>Family notices</li><li>Public notices</li></ul></div>
</div>
<footer><p>{site}, Market Square, Upland. Registered in England No. 0442211.</p><p>&copy; {today.year} {site}. All rights reserved.</p></footer>
</body>
</html>
"""
    return page, {"outlet": site, "author": author}


# --- 6. div soup: no <article>, no <p>, text split by <br> ---------------------------------


def divsoup(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    site = "Borderland Daily"
    author = a["author"]
    chunks = []
    for sub, t in paras(a):
        chunks.append(f"<b>{e(t)}</b>" if sub else e(t))
    text = "<br><br>\n".join(chunks)
    others = "".join(
        f'<div class="other-item"><span class="o-date">{(pub - timedelta(days=rng.randint(0, 4))):%d.%m.%Y}</span>'
        f'<a href="/news/{rng.randint(10000, 99999)}">{e(h)}</a></div>'
        for h, _ in rng.sample(TEASERS, 5)
    )
    page = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{site} - {e(a["title"])}</title>
<meta name="keywords" content="news, region, {a["id"]}">
<link rel="stylesheet" href="/css/style.css?v=12">
<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>
</head>
<body>
<div id="wrapper">
<div class="hdr"><div class="logo"><a href="/"><img src="/img/logo.gif" border="0" alt="{site}"></a></div>
<div class="hdr-right"><a href="/rss">RSS</a> | <a href="/contacts">Contacts</a> | <a href="/advert">Advertising</a></div></div>
<div class="menu"><a href="/news">News</a><a href="/economy">Economy</a><a href="/society">Society</a><a href="/incidents">Incidents</a><a href="/sport">Sport</a><a href="/photo">Photo</a></div>
<div class="cols">
<div class="col-left">
<div class="news-full">
<div class="news-title">{e(a["title"])}</div>
<div class="news-info">Posted: {pub:%d.%m.%Y} | {pub:%H:%M}{f" &nbsp; Author: {e(author)}" if author else ""} &nbsp; Views: {rng.randint(300, 9000)}</div>
<div class="news-tools"><a href="#">Print</a> | <a href="#">Send to a friend</a> | Font size: <a href="#">A+</a> <a href="#">A-</a></div>
<div class="news-text">
{text}
</div>
<div class="news-source">Copying of materials is allowed only with an active hyperlink to {site}.</div>
<div class="news-share">Share: <a href="#">FB</a> <a href="#">X</a> <a href="#">Telegram</a> <a href="#">WhatsApp</a></div>
</div>
<div class="other-news"><div class="block-title">Other news</div>{others}</div>
</div>
<div class="col-right"><div class="block-title">Weather</div><div>Today +12, tomorrow +9</div>
<div class="block-title">Exchange rates</div><div>EUR 1.00 | USD 1.08 | GBP 0.85</div>
<div class="banner"><a href="#"><img src="/banners/b1.gif" alt="Advertisement"></a></div></div>
</div>
<div class="footer">&copy; 2009-{pub.year} {site}. All rights reserved.<br>Editorial office: 14 Station Street. Phone: +00 111 2233</div>
</div>
<script>var _counter = {rng.randint(1000, 9999)};</script>
</body>
</html>
"""
    return page, {"outlet": site, "author": author}


# --- 7. live blog -------------------------------------------------------------------------


def liveblog(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    site = "Channel 7 News"
    author = a["author"]
    # posts: a subheading opens a new post with a title; otherwise one or two paragraphs a post
    posts: list[tuple[str | None, list[str]]] = []
    for sub, t in paras(a):
        if sub:
            posts.append((t, []))
        elif posts and (not posts[-1][1] or (len(posts[-1][1]) < 2 and rng.random() < 0.4)):
            posts[-1][1].append(t)
        else:
            posts.append((None, [t]))
    start = pub.replace(hour=8, minute=30)  # coverage opens in the morning of the day
    t = start
    html_posts = []
    keys = []
    for n, (title, ps) in enumerate(posts):
        t = t + timedelta(minutes=rng.randint(4, 25))
        head = f'<h3 class="post-title">{e(title)}</h3>' if title else ""
        text = "".join(f"<div class='post-para'>{e(p)}</div>" for p in ps)
        html_posts.append(
            f'<div class="live-post" id="post-{n}"><div class="post-meta"><span class="post-time">{t:%H:%M}</span>'
            f' <span class="post-author">{e(author) if author else "Newsdesk"}</span></div>{head}{text}'
            '<div class="post-share"><button>Share</button></div></div>'
        )
        if title:
            keys.append(f'<li><a href="#post-{n}"><span>{t:%H:%M}</span> {e(title)}</a></li>')
        if n == 1:
            html_posts.append(
                f'<div class="live-post embed" id="post-embed"><div class="post-meta"><span class="post-time">{t:%H:%M}</span></div>'
                f"{tweet(a, pub)}</div>"
            )
    end = t
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>LIVE: {e(a["title"])} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{e(a["title"])}">
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": a["title"], "coverageStartTime": _iso(start), "coverageEndTime": _iso(end), "datePublished": _iso(start), "publisher": {"@type": "Organization", "name": site}})}</script>
</head>
<body>
<div class="page">
<div class="nav"><a href="/">Channel 7</a> <a href="/news">News</a> <a href="/weather">Weather</a> <a href="/watch">Watch live</a></div>
<div class="live-header">
<span class="live-badge">LIVE</span>
<h1>{e(a["title"])}</h1>
<div class="live-meta">{f"Reported by {e(author)} &middot; " if author else ""}Last updated {end:%H:%M} {end:%a} {end.day} {end:%b %Y}</div>
</div>
{f'<div class="key-events"><h2>Key events</h2><ul>{"".join(keys)}</ul><button>Show key events only</button></div>' if keys else ""}
<div class="live-feed" aria-live="polite">
<div class="feed-controls"><button>Latest</button> <button>Oldest first</button> <span>Please turn on JavaScript for automatic updates.</span></div>
{chr(10).join(html_posts)}
<div class="feed-end">That's all from our live coverage for today. Thanks for following.</div>
</div>
<div class="watch-promo"><h3>Watch Channel 7 News live</h3><div>Stream our 24-hour news channel for free on the Channel 7 app.</div></div>
<div class="footer">&copy; {pub.year} {site}. Channel 7 is not responsible for the content of external sites.</div>
</div>
</body>
</html>
"""
    return page, {"outlet": site, "author": author}


# --- 8. photo feature: figures, embedded post, cookie banner, paywall, date only in meta ----


def photo_feature(a: dict, rng: random.Random) -> tuple[str, dict]:
    pub = _d(a["published"])
    site = "The Weekend Review"
    author = a["author"]
    caps = list(a.get("captions") or [])
    parts = []
    n = len(a["body"])
    for k, (sub, t) in enumerate(paras(a)):
        parts.append(
            f'<h2 class="section-head">{e(t)}</h2>' if sub else f'<p class="body-text">{e(t)}</p>'
        )
        if k == 0 and caps:
            parts.append(
                f'<figure class="photo wide"><img src="/photos/{a["id"]}-a.jpg" alt="" loading="lazy">'
                f'<figcaption><span class="caption">{e(caps[0])}</span></figcaption></figure>'
            )
        if k == 3 and len(caps) > 1:
            parts.append(
                f'<figure class="photo inline"><img src="/photos/{a["id"]}-b.jpg" alt="" loading="lazy">'
                f'<figcaption><span class="caption">{e(caps[1])}</span> <span class="credit">Photograph: Review Picture Desk</span></figcaption></figure>'
            )
        if k == n // 2:
            parts.append(f'<div class="embed embed--twitter">{tweet(a, pub)}</div>')
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{_iso(pub)}">
{f'<meta property="article:author" content="{e(author)}">' if author else ""}
</head>
<body>
<div class="cookie-consent" role="dialog"><p>This site uses cookies. Some are essential, others help us improve your experience and show you relevant advertising. Click "Accept" to agree or "Settings" to choose.</p><button>Accept</button><button>Settings</button></div>
<header class="masthead"><a href="/" class="wordmark">{site}</a><nav><a href="/news">News</a> <a href="/features">Features</a> <a href="/photography">Photography</a> <a href="/culture">Culture</a> <a href="/podcasts">Podcasts</a></nav><a class="support" href="/support">Support us</a></header>
<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/features">Features</a> &rsaquo; <a href="/features/in-pictures">In pictures</a></div>
<main>
<article class="feature">
<header class="feature-head"><span class="series">In pictures</span><h1>{e(a["title"])}</h1>
{f'<p class="byline">Words by <a href="/contributors/{slug(author)}">{e(author)}</a></p>' if author else ""}
<p class="reading-time">{max(3, len(body_lines(a)) // 2)} min read</p>
<ul class="share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li><li><a href="#">Share via email</a></li></ul></header>
<section class="feature-body">
{chr(10).join(parts)}
</section>
</article>
<div class="paywall-prompt"><h3>Before you go&hellip;</h3><p>Independent journalism costs money. Support {site} from as little as 2 pounds a month, and get every story without limits.</p><a class="btn" href="/support">Support us</a> <a href="/login">Already a supporter? Sign in</a></div>
<section class="related"><h2>You might also like</h2>{teaser_list(rng, 3, with_summary=True)}</section>
</main>
<footer class="site-footer"><p><a href="/about">About</a> &middot; <a href="/contact">Contact</a> &middot; <a href="/privacy">Privacy</a> &middot; <a href="/cookies">Cookies</a></p>
<p>&copy; {pub.year} {site}. Published by Review Media Ltd.</p></footer>
</body>
</html>
"""
    return page, {"outlet": site, "author": author}


# --- 9. small site with no date anywhere ---------------------------------------------------


def nodate_static(a: dict, rng: random.Random) -> tuple[str, dict]:
    site = "Parish Pump News"
    parts = [f"<h2>{e(t)}</h2>" if sub else f"<p>{e(t)}</p>" for sub, t in paras(a)]
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(a["title"])} :: {site}</title>
<meta name="generator" content="Hugo 0.121.1">
<meta property="og:site_name" content="{site}">
<link rel="stylesheet" href="/css/main.css">
</head>
<body>
<header class="site"><a class="brand" href="/">{site}</a><span class="tagline">Community news, by volunteers</span>
<nav><a href="/posts/">News</a> <a href="/events/">Events</a> <a href="/about/">About</a> <a href="/donate/">Donate</a></nav></header>
<div class="wrap">
<h1 class="post-title">{e(a["title"])}</h1>
<div class="post-content">
{chr(10).join(parts)}
</div>
<div class="post-share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
<div class="post-nav"><a href="/posts/">&larr; Back to all news</a></div>
<div class="more"><h3>More news</h3>{teaser_list(rng, 3)}</div>
</div>
<footer class="site">{site} is run by volunteers. Got a story? Email news@parishpump.example. Built with Hugo.</footer>
</body>
</html>
"""
    return page, {"outlet": site, "author": None, "published": None}


SITES = [wp_theme, newsroom_cms, amp_page, wire, stale_today, divsoup, liveblog, photo_feature]
NODATE_FOR = ("archive", "promotion", "batteries")  # only a few pages carry no date at all


def main() -> None:
    articles = yaml.safe_load(ARTICLES.read_text(encoding="utf-8"))["articles"]
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        if old.name.endswith((".html", ".expected.json")):
            old.unlink()
    count = 0
    for a in articles:
        sites = SITES + ([nodate_static] if a["id"] in NODATE_FOR else [])
        for site in sites:
            rng = random.Random(f"heldout-html-{a['id']}-{site.__name__}")
            page, meta = site(a, rng)
            pub = _d(a["published"])
            exp = {
                "title": a["title"],
                "published": meta["published"] if "published" in meta else pub.date().isoformat(),
                "outlet": meta.get("outlet"),
                "author": meta.get("author"),
                "body": meta.get("body") or body_lines(a),
                "kind": "html",
            }
            name = f"{a['id']}-{site.__name__}.html"
            (OUT / name).write_text(page, encoding="utf-8")
            (OUT / f"{name}.expected.json").write_text(
                json.dumps(exp, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            count += 1
    print(f"{count} pages written to {OUT}")


if __name__ == "__main__":
    main()
