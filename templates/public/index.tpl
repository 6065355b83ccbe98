{{%AUTOESCAPE context="HTML"}}
<div class="page">
<div class="page-head">
<h1>Siaran Pers Terbaru</h1>
<p class="intro">Siaran pers dan undangan liputan resmi perangkat daerah Pemerintah Provinsi DKI Jakarta, diterbitkan melalui Dinas Komunikasi, Informatika dan Statistik.</p>
</div>
{{#EMPTY}}<p class="empty">Belum ada siaran pers yang diterbitkan.</p>{{/EMPTY}}
<ol class="release-list">
{{#ITEM}}<li class="card">
<article>
<p class="card-meta"><span class="badge badge-kind">{{ITEM_KIND}}</span>
<time datetime="{{ITEM_DATE_ISO}}">{{ITEM_DATE}}</time></p>
<h2 class="card-title"><a href="/releases/{{SLUG}}">{{ITEM_TITLE}}</a></h2>
<p class="card-summary">{{ITEM_SUMMARY}}</p>
<p class="card-foot"><span class="card-unit">{{ITEM_UNIT}}</span>
<span class="card-number">Nomor: {{ITEM_NUMBER}}</span></p>
</article>
</li>
{{/ITEM}}</ol>
{{#PAGER}}<nav class="pager" aria-label="Halaman daftar siaran">
{{#PREV}}<a class="pager-link pager-prev" href="/?page={{PREV_PAGE:u}}" rel="prev">← Sebelumnya</a>{{/PREV}}
<span class="pager-status">Halaman {{PAGE}} dari {{PAGES}}</span>
{{#NEXT}}<a class="pager-link pager-next" href="/?page={{NEXT_PAGE:u}}" rel="next">Berikutnya →</a>{{/NEXT}}
</nav>{{/PAGER}}
</div>
