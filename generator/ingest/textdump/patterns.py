"""What furniture lines look like: counters, form prompts, share bars, credits, end markers.

Each pattern is a language rule with one home here. Most come with a tuple of guard words
(``*_WORDS``): a case-folded line without any of them cannot match, so the pattern is not
tried on it (most lines have none).
"""

from __future__ import annotations

import re

RESIDUE = re.compile(r"[\w-]+(?:[-_][\w-]+)+")
BREADCRUMB_CHARS = re.compile(r"\s[»›>/|]\s")
BREADCRUMB = re.compile(r"^(?:[^»›>/|\n]{1,30}\s[»›>/|]\s){2,}")
BREADCRUMB_MARKS = "»›>/|"
ROLE = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:correspondent|reporter|editor|writer|journalist|contributor|"
    r"columnist|analyst)$",
    re.I,
)
LISTING_TIME = re.compile(
    r"^(?:.{0,40}[·|•]\s*)?(?:\d+\s*(?:min(?:ute)?s?|h|hrs?|hours?|days?|weeks?|months?)\s+ago|"
    r"yesterday|just now|"
    # the same in German, French, Spanish, Portuguese, Czech; Italian, Dutch, Polish,
    # Russian, Turkish ("vor 3 Minuten", "il y a 2 heures", "3 ore fa", "2 часа назад")
    r"(?:vor|il y a|hace|há|před)\s+\d+\s+\w+|"
    r"\d+\s+\w+\s+(?:fa|geleden|temu|назад|önce))$",
    re.I,
)
# Guards: words one of which a line (case-folded: words.folded) must contain for the pattern
# before them to match; a line without any is not tried (most lines have none).
LISTING_TIME_WORDS = (
    "ago", "yesterday", "just now", "vor ", "il y a", "hace", "há ", "před", " fa",
    "geleden", "temu", "назад", "önce",
)  # fmt: skip
COUNTER = re.compile(
    r"^(?:(?:views?|reads?|comments?|shares?|likes?|visits?|hits?|votes?|reactions?|"
    r"followers?|subscribers?)\s*[:\-]?\s*[\d.,\s]*[kKmM]?|"
    r"[\d.,]+\s*[kKmM]?\s*(?:views?|reads?|comments?|shares?|likes?|visits?|reactions?|"
    r"min(?:ute)?s?(?:\s+read)?|hours?\s+ago|days?\s+ago)|"
    r"(?:reading time|read time|listen(?: to this article)?|temps de lecture|lesezeit|lesedauer|"
    r"tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|czas czytania)"
    r"\s*:?\s*[\d\s]*(?:min(?:ute)?s?|min\.|minuten|minutos|minuti|minuty)?)$",
    re.I,
)
FORM = re.compile(
    r"\b(?:please (?:enter|select|fill|type|log ?in|sign ?in)|your (?:e-?mail|name|comment)|"
    r"(?:e-?mail address|name|comment) will not be published|required fields|"
    r"leave an? (?:reply|comment)|post (?:a )?comment|add (?:a )?comment|submit|"
    r"save my name|notify me|you must be logged|log ?in to|sign ?in to|sign up|"
    r"subscribe|newsletter|mailing list|enter your|reply from|cancel reply|"
    r"captcha|i agree|accept (?:all )?cookies|cookie|privacy policy|terms of (?:use|service)|"
    r"javascript|your browser|turn off (?:your )?ad ?blocker|ad ?blocker)\b",
    re.I,
)
FORM_WORDS = (
    "please ", "your ", "will not be published", "required fields", "leave a", "comment",
    "submit", "save my name", "notify me", "you must be logged", "log", "sign", "subscribe",
    "newsletter", "mailing list", "enter your", "reply from", "cancel reply", "captcha",
    "i agree", "cookie", "privacy policy", "terms of ", "javascript", "blocker",
)  # fmt: skip
COPYRIGHT_LINE = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b|\buse of (?:the )?materials\b|"
    r"\bhyperlink to\b|\bwithout (?:the )?(?:prior |written )*permission\b|\breproduc(?:e|tion)\b"
    r".{0,40}\b(?:prohibited|permitted|allowed|forbidden)\b|"
    r"\bmay not be (?:published|reproduced|redistributed|rewritten|broadcast)\b",
    re.I,
)
COPYRIGHT_LINE_WORDS = (
    "©", "(c)", "copyright", "all rights reserved", "materials", "hyperlink to", "permission",
    "reproduc", "may not be ",
)  # fmt: skip
# Site promotion: its vocabulary, addressed to the reader ("your inbox", "our newsletter").
PROMO = re.compile(
    r"\b(?:newsletters?|inbox|privacy (?:notice|policy)|sign(?:ing)? up|"
    r"subscri(?:be|ber|bers|ption)|download (?:our|the) app|reading list|save articles|cookies|"
    r"free articles|paywall|"
    r"log ?in|sign ?in|support (?:our|independent) journalism|donate)\b",
    re.I,
)
PROMO_WORDS = (
    "newsletter", "inbox", "privacy ", "sign", "subscri", "download ", "reading list",
    "save articles", "cookies", "free articles", "paywall", "log", "support ", "donate",
)  # fmt: skip
READER = re.compile(r"\b(?:you|your|our|we)\b", re.I)
# A cookie or consent notice, in any length: the site says it uses cookies, or asks the
# reader to agree to them, in English, German, French, Spanish, Italian, Portuguese,
# Dutch, Polish, Russian or Turkish ("We use cookies to ...", "Durch die weitere Nutzung
# ... stimmen Sie der Verwendung von Cookies zu", "Nous utilisons des cookies ...").
CONSENT = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|wir|nous|ce site|utilizamos|usamos|"
    r"utilizziamo|questo sito|gebruik(?:t|en)|używamy|wykorzystuje|мы используем|"
    r"kullanıyoruz|kullanmaktadır)\b.{0,60}\b(?:uses?|utiliz\w*|verwende\w*|nutze\w*|"
    r"setz\w*|utilis\w*|usa\w*|gebruik\w*|używa\w*|используе\w*)?\W{0,3}.{0,40}?"
    r"(?:cookies?|pliki cookie|файлы cookie|çerez\w*)|"
    r"(?:cookies?|çerez\w*)\b.{0,160}\b(?:consent\w*|accept\w*|agree\w*|zustimm\w*|"
    r"stimmen sie|einverstanden|akzeptier\w*|einwillig\w*|zulassen|accepte\w*|"
    r"consentement|acept\w*|consentimiento|accett\w*|consenso|aceit\w*|consentimento|"
    r"akkoord|toestemming|zgod\w*|согла\w*|kabul)|"
    r"\b(?:by (?:continuing|using)|durch die (?:weitere )?nutzung|en (?:poursuivant|continuant)|"
    r"al (?:continuar|seguir)|continuando|proseguendo|door verder)\b.{0,160}"
    r"(?:cookies?|çerez\w*)",
    re.I,
)
CONSENT_WORDS = ("cookie", "çerez")
# "Stream our news channel on the app", "Watch us live": an imperative to the reader.
WATCH_PROMO = re.compile(
    r"^(?:stream|watch|listen(?: to)?|download|install|get|follow)\b.{0,60}\b(?:our|us)\b"
    r".{0,60}\b(?:app|channel|live|podcasts?|stream(?:ing)?)\b",
    re.I,
)
# A live blog's post header: its time and poster, run together ("09:03Jane Doe").
LIVE_POST_META = re.compile(
    r"^(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*[|·•–—-]?\s*"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?$"
)
# A live blog's sign-off: "That's all from our live coverage", "We're pausing this blog".
LIVE_WORDS = re.compile(r"\blive (?:coverage|blog|updates?|page|reporting)\b|\bthis blog\b", re.I)
LIVE_WORDS_WORDS = ("live ", "this blog")
LIVE_CLOSE = re.compile(
    r"\b(?:that'?s (?:all|it)|that is (?:all|it)|closing|pausing|ending|"
    r"wrap(?:ping)? up|thanks? (?:you )?for (?:following|joining|reading)|"
    r"(?:we'?ll|we will) be back|signing off)\b",
    re.I,
)
# An embedded social post's signature: "— Jane Doe (@janedoe) June 1, 2017", "A post shared
# by Jane Doe (@janedoe) on ...".
SOCIAL_SIGNATURE = re.compile(
    r"^(?:[—–-]\s*.{0,60}\(@\w{1,30}\)|a post shared by\b.{0,60}\(@\w{1,30}\))", re.I
)
# An author's biography at the foot of an article: "Jane Doe is a reporter for ...".
BIO_ROLE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|di|al|el)){0,3}\s+(?:is|was|has been)"
    r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:reporter|correspondent|writer|editor|journalist|"
    r"columnist|contributor|author|freelancer|producer|critic|photographer)\b",
)
# A wire story's staff credits apart from its reporter: "(Editing by Jane Doe)".
STAFF_CREDIT = re.compile(
    r"^\(\s*(?:(?:additional\s+)?reporting|editing|edited|writing|compiled|graphics|photos?|"
    r"translated|fact-checking)\s+by\b[^()]{0,200}\)$",
    re.I,
)
# A note on who else worked on the story or how to reach its author, below it: "Jane
# Doe contributed to this report.", "Jane Doe can be reached at jdoe@example.com".
CONTRIBUTOR_NOTE = re.compile(
    r"^(?:[•*·-]\s*)?(?:(?:the )?[A-Z][\w'’.-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’.-]*){0,7}\s+"
    r"(?:contributed(?: reporting| research)?(?: to| for) this (?:report|story|article)|"
    r"(?:can be reached|can be contacted|is reachable) (?:at|on|via)\b.{0,80})|"
    r"(?:contact|email|e-mail|reach) (?:the )?(?:author|reporter|writer)s? (?:at|on|via)\b.{0,80})"
    r"\.?$"
)
SOCIAL = re.compile(
    r"\b(?:share|shares|shared|tweet|facebook|twitter|whatsapp|telegram|linkedin|instagram|"
    r"youtube|pinterest|reddit|tiktok|vk|viber|e-?mail|print|copy link|follow us|rss|"
    r"apple store|app store|google play|play market|download (?:the |our )?app)\b",
    re.I,
)
SOCIAL_WORDS = (
    "share", "tweet", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "instagram",
    "youtube", "pinterest", "reddit", "tiktok", "vk", "viber", "mail", "print", "copy link",
    "follow us", "rss", "store", "google play", "play market", "download ",
)  # fmt: skip
SHARE_PHRASE = re.compile(
    r"\b(?:share (?:this|it|on|via|the story|article)|follow us|share on|click to share|"
    r"liked (?:the|this) (?:story|article)|share this)\b|"
    # the same, a line of its own, in German, French, Spanish, Italian, Dutch, Polish
    r"^(?:(?:artikel|beitrag|seite) teilen|teilen|partager(?: (?:l'|cet )article)?|"
    r"compartir(?: (?:el |este )?artículo)?|condividi(?: l'articolo)?|delen|udostępnij)$",
    re.I,
)
SHARE_PHRASE_WORDS = (
    "share", "follow us", "liked ", "teilen", "partager", "compartir", "condividi", "delen",
    "udostępnij",
)  # fmt: skip
ADS = re.compile(
    r"^(?:advertisement\b.{0,40}|advertising|sponsored(?: content| by)?|sponsor(?:ed)?\b.*|"
    r"promoted|paid (?:content|post|partnership)|ad|ads|adsense.*|scroll to (?:continue|read).*|"
    r"story continues below.*|article continues (?:below|after).*|"
    # the label of an advertisement in German, French, Spanish, Italian, Dutch, Polish,
    # Russian, Turkish
    r"werbung|anzeige|publicité|publicidad|pubblicità|advertentie|reklama|реклама|reklam)$",
    re.I,
)
READ_MORE = re.compile(
    r"^(?:read (?:more|also|next|the full|full)|continue reading|more:|related:|see also|also read|"
    r"also see|click here|watch:|listen:|recommended:|source:|sources:|via:|more on\b|"
    r"la source|quelle:|fuente:)",
    re.I,
)
# A link to another story with its label, in any length (the label names what it is):
# "See also: ...", "Lire aussi : ...", "Lesen Sie auch: ...", "Leggi anche » ...".
RELATED_LINK = re.compile(
    r"^(?:see also|read also|also read|read more|more on this|related|"
    r"(?:à |a )?lire aussi|voir aussi|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|"
    r"lea también|leer más|ver también|te puede interesar|leggi anche|leia também|"
    r"veja também|lees ook|zie ook|czytaj (?:też|także)|читайте также)\s*(?:[:»>|.–—]|-\s)",
    re.I,
)
# A call to sign up for the site's newsletter inside a longer sentence ("Don't miss the
# latest news - sign up to our daily newsletter here"), in English, German, French,
# Spanish, Italian.
NEWSLETTER_CALL = re.compile(
    r"\b(?:sign(?:ing)? up|subscribe|register|abonnieren sie|melden sie sich|abonnez-vous|"
    r"inscrivez-vous|suscr[ií]bete|iscriviti)\b.{0,60}\bnewsletters?\b|"
    # "Get a weekly roundup in your inbox": a regular letter offered to the reader
    r"\b(?:daily|weekly|monthly|roundup|round-up|briefing|digest|newsletter)\b.{0,60}"
    r"\b(?:in|to|into) your inbox\b",
    re.I,
)
# A byline in another language, alone on its line: "von Jana Beck", "par Marie Dupont".
FOREIGN_BYLINE = re.compile(
    r"^(?:[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Dd]i)\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+"
    r"(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+|de|van|von|der|da|di|del|la|le)){1,3}$"
)
# Lines that end the article when they follow it: a comment form, tags, a footer.
END_MARK = re.compile(
    r"^(?:leave an? (?:reply|comment)|comments?(?:\s*\(\d+\))?|\d+\s+comments?|add (?:a )?comment|"
    r"post (?:a )?comment|reply|discussion|join the (?:conversation|discussion)|"
    r"tags?:?.*|topics?:|filed under:?.*|about the author|"
    r"archives?|footer|sitemap|contact us|(?:previous|next) (?:post|article|story)|"
    r"about (?:me|us|the blog)|categories|recent (?:posts|comments|articles)|posted in\b.*|"
    r"reuse this content)"
    r"[.!:]?$",
    re.I,
)
# Headers of a box of other stories: after the article, or inside it (an inline box of
# one or two links, with the article going on below).
RELATED_MARK = re.compile(
    r"^(?:related(?: (?:articles?|stories|news|posts|content|coverage|topics))?|"
    r"more (?:stories|news|articles|from\b.*|in\b.*|on this(?: story| topic)?)|"
    r"(?:other|more) (?:[\w'’-]+ ){0,2}(?:stories|news|articles|posts|columns|headlines)|"
    r"(?:the )?latest (?:updates|posts|articles|headlines)|"
    r"you (?:may|might) (?:also )?like.*|"
    r"recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)|"
    r"popular(?: (?:now|stories|posts))?|trending(?: now| stories)?|latest(?: news| stories)?|"
    r"read more(?: latest)? news|top stories|editor'?s picks?|what to read next|"
    r"share this(?: article| story)?:?|"
    r"explore more on these topics|listen to (?:these|this) stor(?:y|ies)|"
    r"ähnliche artikel|das könnte (?:sie|dich) auch interessieren|mehr zum thema|"
    r"weitere artikel|articles? similaires|sur le même sujet|dans la même rubrique|"
    r"noticias relacionadas|artículos relacionados|notas relacionadas|te puede interesar|"
    r"más noticias|articoli correlati|leggi anche|articles liés|à lire aussi|lire aussi|"
    r"lesen sie auch|auch interessant|artigos relacionados|veja também|lees ook|"
    r"zobacz (?:też|także)|"
    r"potrebbe interessarti|notícias relacionadas|leia também|gerelateerde artikelen|"
    r"czytaj (?:też|także)|похожие (?:статьи|новости)|читайте также|ilgili haberler|"
    r"meistgelesen|weitere nachrichten|les plus lus|plus d'actualités|las más leídas|"
    r"lo más leído|più letti|altre notizie|mais lidas|mais notícias|meest gelezen|meer nieuws|"
    r"najczęściej czytane|więcej wiadomości|самое читаемое|другие новости|en çok okunanlar|"
    r"diğer haberler|nejčtenější|další zprávy)"
    r"[.!:]?$",
    re.I,
)
# The same end markers in other languages (German, French, Spanish, Italian, Portuguese,
# Dutch, Polish, Russian, Turkish): a comment section, a reply form, a tag list.
FOREIGN_END_MARK = re.compile(
    r"^(?:kommentare?|kommentieren|schreibe einen kommentar|antworten|"
    r"schlagw(?:ö|o)rte?r?:?.*|themen:.*|"
    r"commentaires?|laisser un commentaire|répondre|réagir|mots[- ]clés?\s*:?.*|"
    r"comentarios?|deja (?:un|tu) comentario|responder|etiquetas:?.*|"
    r"commenti|commento|lascia un commento|rispondi|"
    r"comentários?|deixe (?:um|seu) comentário|"
    r"reacties?|reageer|beantwoorden|komentarze?|odpowiedz|"
    r"комментари[иейя]?|ответить|yorumlar|yorum yap)"
    r"[.!:]?$",
    re.I,
)
# A comment section's header, with its count: "There are 13 comments", "12 thoughts on
# “Title”", "Kommentare lesen (1 Beitrag)", "Commentaires (4)".
COMMENT_COUNT = re.compile(
    r"\b(?:\d+\s+(?:comments?|responses?|replies|thoughts)\b|"
    r"(?:comments?|kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties?|"
    r"komentarz[ey]?|комментари\w*|yorum(?:lar)?)\b.{0,30}\d)",
    re.I,
)
COMMENT_COUNT_WORDS = (
    "comment", "repl", "respons", "thought", "kommentar", "commenta", "comentar", "commenti",
    "reactie", "komentarz", "комментари", "yorum",
)  # fmt: skip
# A count of comments in another language, alone on its line ("5 Kommentare"): a counter,
# not a wall (a text dump's article may stand on either side of it).
FOREIGN_COMMENT_COUNTER = re.compile(
    r"^\d+\s+(?:kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties|"
    r"komentarz\w*|комментари\w*|yorum(?:lar)?)$",
    re.I,
)
# A comment's header line: "Jane Doe says:", "Max sagt:", "Marie dit :".
COMMENT_SAYS = re.compile(
    r"^\S.{0,60}?\s(?:says|said|wrote|sagt|schreibt|schrieb|dit|écrit|dice|escribió|scrive|"
    r"diz|zegt|pisze|пишет)\s*:\s*$",
    re.I,
)
CREDIT = re.compile(
    r"(?:\((?:[^()]{0,80}(?:/|\bvia\b|\bphoto\b|\bcredit\b|\bimage\b|\bfile\b|\bgetty\b|"
    r"\bshutterstock\b|\bpool\b|\bhandout\b|\bcourtesy\b)[^()]{0,80})\)|"
    # in brackets, a name or agency in it ("[Jane Doe/Getty]", not "[MP1 / MP3 SP]")
    r"\[(?=[^\[\]]*(?-i:[A-Z][a-z]{3}))[^\[\]]{0,80}(?:/|getty|archive|photo|image|file)"
    r"[^\[\]]{0,40}\])\s*$",
    re.I,
)
# A note on where the article appeared or what its links earn, not the article: "A version
# of this article appears in print on ...", "This post contains affiliate links".
REPRINT_NOTICE = re.compile(
    r"^(?:a version of this (?:article|story) (?:appears|appeared)|"
    r"this (?:article|story|post|piece) (?:was |is |has been )?(?:originally |first )?"
    r"(?:appeared|published|produced|written|syndicated)\b|"
    r"(?:originally|first) (?:published|appeared) (?:at|on|in|by)\b|"
    r"this (?:article|post|page) (?:contains|may contain|includes) affiliate|"
    r"(?:we|.{0,40} may) (?:may )?earn (?:a )?(?:small )?commission|"
    r"if you (?:buy|purchase|click) .{0,60}(?:we|our) (?:may )?(?:earn|receive)|"
    r"dieser (?:artikel|beitrag) (?:ist|erschien) (?:zuerst|ursprünglich)|"
    r"cet article (?:a été|est) (?:initialement |d'abord )?publié|"
    r"este artículo (?:se publicó|fue publicado) (?:originalmente|primero))",
    re.I,
)
# A caption's credit at its end: "... after the match. | Photo: Reuters", "· Foto: dpa".
CREDIT_SUFFIX = re.compile(
    r"\s[|·•]\s*(?:photo|foto|image|picture|bild|crédit|credit|source|quelle|fuente)s?"
    r"(?:\s+credit)?\s*:\s*[^|·•]{1,60}$",
    re.I,
)
# A caption's credit run on at its end, with no bar before it: "... in 2006. Credit: Jane
# Doe", "... the capital. Jane Doe/AFP/Getty Images", "... in Seoul. Jane Doe / Reuters".
CREDIT_TAIL = re.compile(
    r"(?:[.!?\"”’)]\s*|\s)(?:Credits?|CREDITS?|Photo(?:graph)?s?|PHOTOS?|Foto|Bild|Image)"
    r"(?:\s+credit)?:?\s+[A-Z][^.!?:]{1,60}$|"
    r"(?:/|\bvia\s)\s?(?:AFP|Getty Images|Reuters|AP|EPA|Shutterstock|Bloomberg|Xinhua|dpa|"
    r"Sipa|Alamy|Pool|Anadolu|Imago|picture alliance)(?:\s?/\s?[\w .'-]{1,30})?$",
)
# A gallery's counter before a picture's caption: "3/50 Harbour at dawn", "Photo 3 of 12".
GALLERY_COUNTER = re.compile(
    r"^(?:(?P<n>\d{1,3})\s*/\s*(?P<of>\d{1,3})|(?:photo|image|picture|slide|bild|foto)\s+"
    r"(?P<n2>\d{1,3})\s+(?:of|von|de|di|van|из)\s+(?P<of2>\d{1,3}))(?:\s|$)",
    re.I,
)
# What follows a fraction of a recipe or a table ("1/2 cup", "2/3 Teelöffel"), not a
# gallery's counter: a lower-case word, or a measure.
FRACTION_NEXT = re.compile(
    r"\s*(?:[a-zß-ÿ(]|(?:EL|TL|\w*löffel|Tassen?|Prise|Becher|Dose|Bund|Stück|Liter)\b)"
)
CAPTION_START = re.compile(
    r"^(?:(?:media|image|photo|video) caption\s|"  # "Media caption The minister ..."
    r"(?:file(?: photo)?|photo|image|picture|pictured|illustration|video|caption|credit|"
    r"(?:header|featured|top|lead|cover|main|hero) (?:image|photo|picture)|"
    r"(?:photo|image|media) (?:credit|source|caption)|getty images|this (?:photo|picture|image))"
    r"\s*(?:[:|,]|[-–—]\s))",  # "Photo: ...", "File photo - ...", not "File-by-file"
    re.I,
)
CREDIT_LINE = re.compile(
    r"^\(?(?:(?:photo|image|picture|credit|source|foto|bild|quelle|fuente|crédit(?:\s+photo)?)s?"
    r"\s*(?:credit)?\s*[:|]|©\s*\w+\s*(?:/|$)|"
    r"\(?(?:getty images|reuters|afp|ap|epa|anadolu|shutterstock)(?:\s*/\s*\w+)*\)?$)",
    re.I,
)

# Verbs that open a reader-addressed imperative ("Sign up for our newsletter", "Download the
# app"): with one of these first, a long line is a call to the reader, not a report.
IMPERATIVES = frozenset(
    """subscribe sign join download install get follow click tap read watch listen share
    support donate register log enter become try discover explore visit check like save
    stream upgrade unlock continue want""".split()  # noqa: SIM905
)
