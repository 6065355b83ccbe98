{{%AUTOESCAPE context="HTML"}}
{{! The HTML part of every notification e-mail (core/notify.c): the same values as
    notify.txt.tpl. Styles are inline because mail programs drop style sheets. }}
<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{{REQ_TITLE}}</title>
</head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;background:#ffffff">
<p style="margin:0 0 12px">Yth. {{GREETING_NAME}},</p>
<p style="margin:0 0 16px">{{HEADLINE}}</p>
<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">Judul</th><td style="padding:2px 0">{{REQ_TITLE}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">Jenis</th><td style="padding:2px 0">{{REQ_KIND}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">Unit</th><td style="padding:2px 0">{{REQ_UNIT}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">Status</th><td style="padding:2px 0"><strong>{{STATE_LABEL}}</strong></td></tr>
{{#ACTOR}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">Oleh</th><td style="padding:2px 0">{{ACTOR_NAME}}</td></tr>{{/ACTOR}}
{{#SCHEDULED}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">Terbit</th><td style="padding:2px 0">{{SCHEDULED_AT}}</td></tr>{{/SCHEDULED}}
{{#PUBLISHED}}{{#NUMBERED}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 16px 2px 0">Nomor</th><td style="padding:2px 0">{{REL_NUMBER}}</td></tr>{{/NUMBERED}}{{/PUBLISHED}}
</table>
{{#NOTE}}<h2 style="margin:0 0 4px;font-size:16px">{{NOTE_LABEL}}</h2>
<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #d97706;background:#fef3c7;white-space:pre-line">{{NOTE:pre_escape}}</blockquote>{{/NOTE}}
<p style="margin:0 0 16px"><a href="{{REQUEST_URL}}" style="display:inline-block;padding:8px 16px;border-radius:4px;background:#1d4ed8;color:#ffffff;font-weight:bold;text-decoration:none">Buka permintaan</a></p>
<p style="margin:0 0 16px;font-size:14px">Atau salin alamat ini: {{REQUEST_URL}}</p>
{{#PUBLISHED}}{{#PUBLIC}}<p style="margin:0 0 16px">Halaman publik: <a href="{{PUBLIC_URL}}">{{PUBLIC_URL}}</a></p>{{/PUBLIC}}{{/PUBLISHED}}
<hr style="border:0;border-top:1px solid #e5e7eb;margin:24px 0 12px">
<p style="margin:0;font-size:13px;color:#4b5563">{{REASON}}<br>Siaran Pers Pemprov DKI Jakarta</p>
</body>
</html>
