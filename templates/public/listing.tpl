{{%AUTOESCAPE context="HTML"}}
{{! The list of releases shared by the index, search, and unit pages (fill_listing in public.c). }}
{{! The F_* values used by the pager links are set on this dictionary; sections inherit them. }}
{{#EMPTY}}<p class="empty">Tidak ada siaran yang cocok.</p>{{/EMPTY}}
<ol class="release-list">
{{#ITEM}}<li class="card">
<article>
<p class="card-meta"><span class="badge badge-kind">{{ITEM_KIND}}</span>
<time datetime="{{ITEM_DATE_ISO}}">{{ITEM_DATE}}</time></p>
<h2 class="card-title"><a href="/releases/{{SLUG}}">{{ITEM_TITLE}}</a></h2>
<p class="card-summary">{{ITEM_SUMMARY}}</p>
{{#SNIPPET}}<p class="snippet">{{#PART}}{{#HIT}}<mark>{{/HIT}}{{TEXT}}{{#HIT}}</mark>{{/HIT}}{{/PART}}</p>{{/SNIPPET}}
<p class="card-foot"><a class="card-unit" href="/units/{{ITEM_UNIT_CODE}}">{{ITEM_UNIT}}</a>
<span class="card-number">Nomor: {{ITEM_NUMBER}}</span></p>
</article>
</li>
{{/ITEM}}</ol>
{{! One line, no spaces between the sections: the nav is :empty (and hidden) on a single page. }}
<nav class="pager" aria-label="Halaman daftar siaran">{{#FIRST}}<a class="pager-link pager-prev" href="{{BASE}}?q={{F_Q:u}}&amp;unit={{F_UNIT:u}}&amp;kind={{F_KIND:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}">{{FIRST_LABEL}}</a>{{/FIRST}}{{#NEXT}}<a class="pager-link pager-next" href="{{BASE}}?q={{F_Q:u}}&amp;unit={{F_UNIT:u}}&amp;kind={{F_KIND:u}}&amp;from={{F_FROM:u}}&amp;to={{F_TO:u}}&amp;after={{CURSOR:u}}" rel="next">{{NEXT_LABEL}}</a>{{/NEXT}}</nav>
