{{%AUTOESCAPE context="HTML"}}
<div class="page">
<p class="breadcrumb"><a href="/units">Perangkat Daerah</a> <span aria-hidden="true">›</span> {{UNIT_CODE}}</p>
<div class="page-head">
<h1>{{UNIT_NAME}}</h1>
<p class="intro">Siaran pers dan undangan liputan yang diterbitkan {{UNIT_NAME}}. Kode unit: <span class="unit-code">{{UNIT_CODE}}</span>.</p>
<p class="page-links"><span class="page-links-label">Ikuti siaran unit ini:</span> <a href="/units/{{UNIT_CODE}}/feed.xml">RSS</a> <a href="/units/{{UNIT_CODE}}/atom.xml">Atom</a></p>
</div>
{{#FILTERS}}<form class="filter-form release-filter release-filter-3" method="get" action="/units/{{UNIT_CODE}}" aria-label="Saring siaran unit ini">
<div class="field field-wide">
<label for="filter-kind">Jenis</label>
<select id="filter-kind" name="kind">
{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select>
</div>
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
{{#FILTERED}}<a class="filter-reset" href="/units/{{UNIT_CODE}}">Hapus filter</a>{{/FILTERED}}
</div>
</form>{{/FILTERS}}
{{>LISTING}}
</div>
