{{%AUTOESCAPE context="HTML"}}
<div class="page">
<div class="page-head">
<h1>Siaran Pers Terbaru</h1>
<p class="intro">Siaran pers dan undangan liputan resmi perangkat daerah Pemerintah Provinsi DKI Jakarta, diterbitkan melalui Dinas Komunikasi, Informatika dan Statistik.</p>
<p class="page-links"><span class="page-links-label">Ikuti siaran terbaru:</span> <a href="/feed.xml">RSS</a> <a href="/atom.xml">Atom</a></p>
</div>
{{#FILTERS}}<form class="filter-form release-filter" method="get" action="/" aria-label="Saring siaran">
<div class="field field-wide">
<label for="filter-kind">Jenis</label>
<select id="filter-kind" name="kind">
{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select>
</div>
{{#UNIT_FIELD}}<div class="field field-wide">
<label for="filter-unit">Perangkat daerah</label>
<input type="text" id="filter-unit" name="unit" value="{{F_UNIT}}" placeholder="Kode unit, mis. DINKES" autocapitalize="characters" autocomplete="off" spellcheck="false">
<p class="field-link"><a href="/units">Daftar kode unit</a></p>
</div>{{/UNIT_FIELD}}
<div class="field">
<label for="filter-from">Dari tanggal</label>
<input type="date" id="filter-from" name="from" value="{{F_FROM}}">
</div>
<div class="field">
<label for="filter-to">Sampai tanggal</label>
<input type="date" id="filter-to" name="to" value="{{F_TO}}">
</div>
<div class="filter-actions">
<button type="submit" class="btn btn-secondary">Terapkan</button>
{{#FILTERED}}<a class="filter-reset" href="/">Hapus filter</a>{{/FILTERED}}
</div>
</form>{{/FILTERS}}
{{>LISTING}}
</div>
