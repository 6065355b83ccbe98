{{! The plain-text part of every notification e-mail (core/notify.c). No AUTOESCAPE pragma, on
    purpose: ctemplate has no plain-text context, and without a pragma values are written as
    they are, which is what text/plain wants. Rendering strips empty template lines, so blank
    lines in the message come from BI_NEWLINE. }}Yth. {{GREETING_NAME}},{{BI_NEWLINE}}
{{HEADLINE}}{{BI_NEWLINE}}
Judul  : {{REQ_TITLE}}
Jenis  : {{REQ_KIND}}
Unit   : {{REQ_UNIT}}
Status : {{STATE_LABEL}}
{{#ACTOR}}Oleh   : {{ACTOR_NAME}}
{{/ACTOR}}{{#SCHEDULED}}Terbit : {{SCHEDULED_AT}}
{{/SCHEDULED}}{{#PUBLISHED}}{{#NUMBERED}}Nomor  : {{REL_NUMBER}}
{{/NUMBERED}}{{/PUBLISHED}}{{#NOTE}}{{BI_NEWLINE}}{{NOTE_LABEL}}:
{{NOTE}}
{{/NOTE}}{{BI_NEWLINE}}Buka permintaan:
{{REQUEST_URL}}
{{#PUBLISHED}}{{#PUBLIC}}{{BI_NEWLINE}}Halaman publik:
{{PUBLIC_URL}}
{{/PUBLIC}}{{/PUBLISHED}}{{BI_NEWLINE}}-- {{BI_NEWLINE}}{{REASON}}
Siaran Pers Pemprov DKI Jakarta
