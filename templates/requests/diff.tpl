{{%AUTOESCAPE context="HTML"}}
<div class="page diff-page">
<nav class="breadcrumb" aria-label="Lokasi halaman"><a href="/requests">Permintaan</a> <span aria-hidden="true">/</span> <a href="/requests/{{REQ_ID}}">#{{REQ_ID}}</a> <span aria-hidden="true">/</span> Perbandingan versi</nav>
<header class="page-head">
<h1>Perbandingan versi</h1>
<p class="intro diff-subject">{{REQ_TITLE}}</p>
</header>

<form class="filter-form diff-select" method="get" action="/requests/{{REQ_ID}}/diff">
<div class="field">
<label for="diff-from">Versi lama</label>
<select id="diff-from" name="from">
{{#FROM_OPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{OPT_LABEL}}</option>
{{/FROM_OPT}}</select>
</div>
<div class="field">
<label for="diff-to">Versi baru</label>
<select id="diff-to" name="to">
{{#TO_OPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{OPT_LABEL}}</option>
{{/TO_OPT}}</select>
</div>
<div class="filter-actions"><button type="submit" class="btn btn-primary">Bandingkan</button></div>
</form>

<dl class="facts diff-versions">
<div><dt>Versi lama</dt><dd>Versi {{FROM}}{{#FROM_UNIT}} (teks unit){{/FROM_UNIT}}{{#FROM_CURRENT}} (terkini){{/FROM_CURRENT}}, disimpan {{FROM_AUTHOR}} ({{FROM_ROLE}}), {{FROM_AT}}</dd></div>
<div><dt>Versi baru</dt><dd>Versi {{TO}}{{#TO_UNIT}} (teks unit){{/TO_UNIT}}{{#TO_CURRENT}} (terkini){{/TO_CURRENT}}, disimpan {{TO_AUTHOR}} ({{TO_ROLE}}), {{TO_AT}}</dd></div>
{{#TOTALS}}<div><dt>Ringkasan</dt><dd>{{CHANGED_COUNT}} isian berubah; {{WORDS_ADDED}} kata ditambah, {{WORDS_REMOVED}} kata dihapus</dd></div>{{/TOTALS}}
</dl>
{{#SAME_VERSION}}<p class="alert">Versi lama dan versi baru sama. Pilih dua versi yang berbeda untuk dibandingkan.</p>{{/SAME_VERSION}}

<section class="diff-fields" aria-labelledby="diff-title">
<h2 class="section-title" id="diff-title">Perbedaan per isian</h2>
{{>FIELDS}}
</section>
<p class="diff-back"><a href="/requests/{{REQ_ID}}">Kembali ke permintaan #{{REQ_ID}}</a></p>
</div>
