{{! The plain-text part of the e-mail with a one-time link to set a password
    (notify_password_link in core/notify.c). No AUTOESCAPE pragma on purpose, as in
    notify.txt.tpl: values are written as they are for text/plain. }}Yth. {{GREETING_NAME}},{{BI_NEWLINE}}
{{#INVITE}}Admin membuatkan akun Siaran Pers Pemprov DKI Jakarta untuk Anda ({{EMAIL}}).
Atur kata sandi Anda lewat tautan berikut, lalu masuk dengan alamat e-mail ini.
{{/INVITE}}{{#RESET}}Admin meminta kata sandi akun Siaran Anda ({{EMAIL}}) diatur ulang.
Buat kata sandi baru lewat tautan berikut. Setelah itu semua sesi Anda berakhir.
{{/RESET}}{{BI_NEWLINE}}{{LINK_URL}}
{{BI_NEWLINE}}Tautan ini hanya dapat dipakai satu kali dan berlaku sampai {{EXPIRES}}.
Jangan teruskan e-mail ini kepada siapa pun.
{{BI_NEWLINE}}-- {{BI_NEWLINE}}Anda menerima pesan ini karena admin Humas Diskominfotik mengelola akun Anda.
Siaran Pers Pemprov DKI Jakarta
