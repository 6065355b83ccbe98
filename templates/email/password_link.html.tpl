{{%AUTOESCAPE context="HTML"}}
{{! The HTML part of the one-time password link e-mail: the same values as
    password_link.txt.tpl. Styles are inline because mail programs drop style sheets. }}
<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{{#INVITE}}Akun Anda siap{{/INVITE}}{{#RESET}}Atur ulang kata sandi{{/RESET}}</title>
</head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;background:#ffffff">
<p style="margin:0 0 12px">Yth. {{GREETING_NAME}},</p>
{{#INVITE}}<p style="margin:0 0 16px">Admin membuatkan akun Siaran Pers Pemprov DKI Jakarta untuk Anda ({{EMAIL}}). Atur kata sandi Anda lewat tombol di bawah, lalu masuk dengan alamat e-mail ini.</p>{{/INVITE}}
{{#RESET}}<p style="margin:0 0 16px">Admin meminta kata sandi akun Siaran Anda ({{EMAIL}}) diatur ulang. Buat kata sandi baru lewat tombol di bawah. Setelah itu semua sesi Anda berakhir.</p>{{/RESET}}
<p style="margin:0 0 16px"><a href="{{LINK_URL}}" style="display:inline-block;padding:8px 16px;border-radius:4px;background:#1d4ed8;color:#ffffff;font-weight:bold;text-decoration:none">Atur kata sandi</a></p>
<p style="margin:0 0 16px;font-size:14px">Atau salin alamat ini: {{LINK_URL}}</p>
<p style="margin:0 0 16px">Tautan ini hanya dapat dipakai satu kali dan berlaku sampai {{EXPIRES}}. Jangan teruskan e-mail ini kepada siapa pun.</p>
<hr style="border:0;border-top:1px solid #e5e7eb;margin:24px 0 12px">
<p style="margin:0;font-size:13px;color:#4b5563">Anda menerima pesan ini karena admin Humas Diskominfotik mengelola akun Anda.<br>Siaran Pers Pemprov DKI Jakarta</p>
</body>
</html>
