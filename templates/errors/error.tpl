{{%AUTOESCAPE context="HTML"}}
<div class="page page-narrow error-page">
<p class="error-code">Kode {{STATUS}}</p>
<h1>{{HEADING}}</h1>
<p class="error-message">{{MESSAGE}}</p>
<p class="error-links"><a class="btn btn-primary" href="/">Kembali ke beranda</a></p>
</div>
