{{%AUTOESCAPE context="HTML"}}
<div class="page page-narrow">
<div class="notice notice-gone">
<p class="error-code">Kode 410</p>
<h1>Siaran ini telah ditarik</h1>
<p>Siaran berikut telah ditarik dari publikasi oleh Humas dan tidak lagi berlaku.</p>
<dl class="facts">
<div><dt>Judul</dt><dd>{{REL_TITLE}}</dd></div>
<div><dt>Nomor</dt><dd>{{REL_NUMBER}}</dd></div>
<div><dt>Ditarik pada</dt><dd>{{UNPUBLISHED_AT}}</dd></div>
<div><dt>Alasan</dt><dd class="pre-line">{{REASON:pre_escape}}</dd></div>
</dl>
</div>
<p><a href="/">← Kembali ke daftar siaran pers</a></p>
</div>
