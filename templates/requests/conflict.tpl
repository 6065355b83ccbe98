{{%AUTOESCAPE context="HTML"}}
<div class="page conflict-page">
<nav class="breadcrumb" aria-label="Lokasi halaman"><a href="/requests">Permintaan</a> <span aria-hidden="true">/</span> <a href="/requests/{{REQ_ID}}">#{{REQ_ID}}</a> <span aria-hidden="true">/</span> Konflik penyuntingan</nav>
<header class="page-head">
<h1>Permintaan ini diubah orang lain saat Anda menyunting</h1>
<p class="intro">{{REQ_TITLE}}</p>
</header>
<div class="alert alert-warning conflict-alert" role="alert">
<p><strong>Perubahan Anda belum disimpan, dan tidak ada yang tertimpa.</strong></p>
<p>Sementara Anda menyunting{{#BASE}} versi {{BASE_VERSION}}{{/BASE}}, {{STORED_AUTHOR}}{{#HAS_STORED_ROLE}} ({{STORED_ROLE}}){{/HAS_STORED_ROLE}} menyimpan versi {{STORED_VERSION}} pada {{STORED_AT}}. Bandingkan kedua versi di bawah, lalu salin bagian yang Anda perlukan atau kirim ulang teks Anda di atas versi {{STORED_VERSION}}.</p>
</div>

<section class="conflict-diff" aria-labelledby="conflict-diff-title">
<h2 class="section-title" id="conflict-diff-title">Perbedaan: versi tersimpan dan versi Anda</h2>
{{>FIELDS}}
</section>

<section class="conflict-stored" aria-labelledby="conflict-stored-title">
<h2 class="section-title" id="conflict-stored-title">Versi tersimpan (versi {{STORED_VERSION}})</h2>
<p class="conflict-meta">Disimpan oleh {{STORED_AUTHOR}}{{#HAS_STORED_ROLE}} ({{STORED_ROLE}}){{/HAS_STORED_ROLE}} pada {{STORED_AT}}. Ini isi permintaan sekarang.</p>
<dl class="facts conflict-content">
{{#STORED_FIELD}}<div><dt>{{LABEL}}</dt><dd class="diff-pre">{{VALUE:pre_escape}}</dd></div>
{{/STORED_FIELD}}</dl>
</section>

<section class="conflict-mine" aria-labelledby="conflict-mine-title">
<h2 class="section-title" id="conflict-mine-title">Versi Anda (belum tersimpan)</h2>
{{#CAN_RESEND}}<p class="conflict-meta">Formulir ini berisi teks yang Anda kirim. Menyimpannya akan menggantikan versi {{STORED_VERSION}} di atas; periksa dulu perubahan {{STORED_AUTHOR}} agar tidak hilang.</p>{{/CAN_RESEND}}
{{>FORM}}
{{#MINE_READONLY}}<p class="alert">Status permintaan kini “{{STATE_LABEL}}”, sehingga Anda tidak dapat menyimpannya lagi. Salin teks Anda bila masih diperlukan.</p>
<dl class="facts conflict-content">
{{#MINE_FIELD}}<div><dt>{{LABEL}}</dt><dd class="diff-pre">{{VALUE:pre_escape}}</dd></div>
{{/MINE_FIELD}}</dl>{{/MINE_READONLY}}
</section>
<p class="diff-back"><a href="/requests/{{REQ_ID}}">Buka permintaan #{{REQ_ID}} (versi terkini)</a></p>
</div>
