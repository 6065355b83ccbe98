{{%AUTOESCAPE context="HTML"}}
<div class="page">
<nav class="breadcrumb" aria-label="Lokasi halaman"><a href="/requests">Permintaan</a> <span aria-hidden="true">/</span> Baru</nav>
<div class="page-head">
<h1>Permintaan publikasi baru</h1>
<p class="intro">Unit pengirim: <strong>{{UNIT_NAME}}</strong></p>
</div>
<div class="guidance">
<h2>Sebelum mengisi</h2>
<ul>
<li>Pilih <strong>siaran pers</strong> untuk berita kegiatan atau kebijakan, <strong>undangan liputan</strong> untuk mengundang media ke acara.</li>
<li>Tulis judul dan ringkasan (lead) yang menjawab apa, siapa, kapan, di mana dan mengapa.</li>
<li>Simpan draf kapan saja. Setelah diajukan, Humas Diskominfotik meninjau, dapat meminta perbaikan, lalu menerbitkan dengan nomor resmi.</li>
</ul>
</div>
{{>FORM}}
</div>
