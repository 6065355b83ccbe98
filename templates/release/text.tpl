{{! The release as plain text for chat apps (text/plain with nosniff, see page_release_text). }}
{{! No AUTOESCAPE pragma: ctemplate 2.4 rejects context="NONE" ("Invalid context in Pragma }}
{{! directive"), and a template without one is not escaped, which is right for plain text. }}
{{! Rendering uses STRIP_BLANK_LINES: empty lines and lines holding only section markers }}
{{! vanish. A line that ends in BI_NEWLINE is followed by one empty line; a line made of }}
{{! BI_NEWLINE alone would give two. Keep the newline of optional lines inside their section. }}
*{{REL_DOC_TITLE}}*{{#HAS_NUMBER}}
Nomor: {{REL_NUMBER}}{{/HAS_NUMBER}}{{BI_NEWLINE}}
*{{REL_TITLE}}*{{BI_NEWLINE}}
{{REL_DATELINE_PLACE}}{{#HAS_DATELINE_DATE}}, {{REL_DATELINE_DATE}}{{/HAS_DATELINE_DATE}} — {{REL_SUMMARY}}{{BI_NEWLINE}}
{{#EVENT}}Hari/tanggal: {{EVENT_DAY}}{{#EVENT_END_DAY}} s.d. {{EVENT_END_DATE}}{{/EVENT_END_DAY}}
Waktu: {{EVENT_FROM}}{{#HAS_EVENT_END}} – {{EVENT_TO}}{{/HAS_EVENT_END}} WIB
Tempat: {{REL_LOCATION}}{{#HAS_ADDRESS}}
{{REL_ADDRESS}}{{/HAS_ADDRESS}}{{BI_NEWLINE}}
{{/EVENT}}
{{#HAS_BODY}}{{REL_BODY_TEXT}}{{BI_NEWLINE}}
{{/HAS_BODY}}
{{#QUOTE}}“{{QUOTE_TEXT}}” — {{QUOTE_SPEAKER}}{{#HAS_POSITION}}, {{QUOTE_POSITION}}{{/HAS_POSITION}}{{BI_NEWLINE}}
{{/QUOTE}}
{{#EVENT}}Rekan-rekan media diundang untuk meliput kegiatan tersebut.{{BI_NEWLINE}}
{{/EVENT}}
{{#CONTACT}}Narahubung: {{CONTACT_NAME}}{{#HAS_CONTACT_POSITION}}, {{CONTACT_POSITION}}{{/HAS_CONTACT_POSITION}}{{#HAS_PHONE}}, {{CONTACT_PHONE}}{{/HAS_PHONE}}{{#HAS_EMAIL}}, {{CONTACT_EMAIL}}{{/HAS_EMAIL}}{{BI_NEWLINE}}
{{/CONTACT}}
Selengkapnya: {{URL}}
