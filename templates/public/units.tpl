{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide units-page">
<div class="page-head">
<h1>Perangkat Daerah</h1>
<p class="intro">{{UNIT_ACTIVE}} dari {{UNIT_TOTAL}} perangkat daerah telah menerbitkan siaran. Pilih nama perangkat daerah untuk melihat siarannya; kodenya dapat dipakai untuk menyaring daftar siaran dan pencarian.</p>
<p class="page-links"><span class="page-links-label">Semua siaran:</span> <a href="/feed.xml">RSS</a> <a href="/atom.xml">Atom</a></p>
</div>
<div class="table-wrap">
<table class="table units-table">
<caption class="visually-hidden">Perangkat daerah: nama, kode, jenis, jumlah siaran, siaran terakhir dan umpan berita</caption>
<thead>
<tr>
<th scope="col">Perangkat daerah</th>
<th scope="col">Kode</th>
<th scope="col">Jenis</th>
<th scope="col" class="col-num">Siaran</th>
<th scope="col">Terakhir terbit</th>
<th scope="col">Umpan</th>
</tr>
</thead>
<tbody>
{{#UNIT}}<tr>
<th scope="row" class="cell-title"><a href="/units/{{CODE}}">{{NAME}}</a></th>
<td data-label="Kode" class="cell-code"><span class="unit-code">{{CODE}}</span></td>
<td data-label="Jenis" class="cell-kind">{{KIND}}</td>
<td data-label="Siaran" class="col-num">{{COUNT}}</td>
<td data-label="Terakhir terbit" class="cell-date">{{#LAST}}{{LAST_DATE}}{{/LAST}}</td>
<td data-label="Umpan" class="cell-feeds"><a href="/units/{{CODE}}/feed.xml">RSS<span class="visually-hidden"> {{NAME}}</span></a> <a href="/units/{{CODE}}/atom.xml">Atom<span class="visually-hidden"> {{NAME}}</span></a></td>
</tr>
{{/UNIT}}</tbody>
</table>
</div>
</div>
