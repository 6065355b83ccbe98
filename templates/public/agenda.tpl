{{%AUTOESCAPE context="HTML"}}
<div class="page agenda-page">
<div class="page-head">
<h1>Agenda Liputan</h1>
<p class="intro">Kegiatan perangkat daerah yang akan datang, dari undangan liputan yang telah diterbitkan. Seluruh waktu dalam WIB.</p>
<p class="page-links"><a href="/agenda.ics">Langganan kalender (iCalendar)</a></p>
</div>
{{#EMPTY}}<p class="empty">Belum ada agenda liputan yang akan datang.</p>{{/EMPTY}}
{{#DAY}}<section class="agenda-day">
<h2 class="agenda-date">{{DAY_LABEL}}</h2>
<ol class="agenda-list">
{{#EVENT}}<li class="agenda-event">
<p class="agenda-time"><time datetime="{{EVENT_START_ISO}}">{{EVENT_FROM}}</time>{{#HAS_END}} – {{EVENT_TO}}{{/HAS_END}} WIB</p>
<div class="agenda-body">
<h3 class="agenda-title"><a href="/releases/{{SLUG}}">{{EVENT_TITLE}}</a></h3>
<p class="agenda-unit">{{EVENT_UNIT}}</p>
<p class="agenda-place"><span class="visually-hidden">Tempat: </span><span class="agenda-location">{{EVENT_LOCATION}}</span>
<span class="agenda-address pre-line">{{EVENT_ADDRESS:pre_escape}}</span></p>
</div>
</li>
{{/EVENT}}</ol>
</section>
{{/DAY}}</div>
