{{%AUTOESCAPE context="HTML"}}
<div class="page page-wide req-page">
<nav class="breadcrumb" aria-label="Lokasi halaman"><a href="/requests">Permintaan</a> <span aria-hidden="true">/</span> #{{REQ_ID}}</nav>
<div class="req-layout">
<header class="req-header">
<p class="req-kicker"><span class="badge state-{{REQ_STATE}}">{{REQ_STATE_LABEL}}</span>
<span class="req-kind">{{REQ_KIND}}</span></p>
<h1>{{REQ_TITLE}}</h1>
<dl class="facts req-facts">
<div><dt>Unit</dt><dd>{{REQ_UNIT}}</dd></div>
<div><dt>Dibuat</dt><dd>{{REQ_CREATED}} oleh {{REQ_CREATED_BY}}</dd></div>
<div><dt>Terakhir diubah</dt><dd>{{REQ_UPDATED}} oleh {{REQ_UPDATED_BY}} (versi {{REQ_VERSION}})</dd></div>
{{#ASSIGNED}}<div><dt>Peninjau</dt><dd>{{REQ_ASSIGNED}}</dd></div>{{/ASSIGNED}}
{{#NUMBERED}}<div><dt>Nomor</dt><dd>{{REQ_NUMBER}}</dd></div>{{/NUMBERED}}
{{#REQUESTED_TIME}}<div><dt>Waktu terbit diminta</dt><dd>{{REQ_PUBLISH_AT}}</dd></div>{{/REQUESTED_TIME}}
{{#SCHEDULED}}<div><dt>Dijadwalkan terbit</dt><dd>{{REQ_SCHEDULED}}</dd></div>{{/SCHEDULED}}
{{#PUBLIC_LINK}}<div><dt>Halaman publik</dt><dd><a href="/releases/{{SLUG}}">Lihat siaran yang terbit</a></dd></div>{{/PUBLIC_LINK}}
</dl>
{{#UNPUBLISHED}}<div class="alert alert-warning">
<p><strong>Siaran ini telah ditarik dari publikasi.</strong> Alasan:</p>
<p class="pre-line">{{REQ_REASON:pre_escape}}</p>
</div>{{/UNPUBLISHED}}
</header>
<aside class="req-side" aria-label="Pratinjau dan tindakan">
<p class="req-links"><a class="btn btn-secondary" href="/requests/{{REQ_ID}}/preview">Pratinjau siaran pers</a></p>

{{#HAS_ACTIONS}}<section class="panel actions-panel" aria-labelledby="actions-title">
<h2 id="actions-title">Tindakan</h2>
<div class="actions">
{{#ACTION}}<form class="action-form{{#DANGER}} action-danger{{/DANGER}}" method="post" action="/requests/{{REQ_ID}}/{{ACTION_NAME}}">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
{{#NEEDS_TEXT}}<div class="field needs-{{TEXT_NAME}}">
<label for="act-{{ACTION_NAME}}-text">{{TEXT_LABEL}}</label>
<textarea id="act-{{ACTION_NAME}}-text" name="{{TEXT_NAME}}" rows="3" maxlength="2000"{{#ACTION_ERROR}} aria-invalid="true" aria-describedby="act-{{ACTION_NAME}}-error"{{/ACTION_ERROR}}></textarea>
</div>{{/NEEDS_TEXT}}
{{#APPROVE}}<div class="field">
<label for="act-approve-publish_at">Jadwalkan terbit (kosongkan untuk terbit sekarang), WIB</label>
<input type="datetime-local" id="act-approve-publish_at" name="publish_at" value="{{PUBLISH_AT}}"{{#ACTION_ERROR}} aria-invalid="true" aria-describedby="act-{{ACTION_NAME}}-error"{{/ACTION_ERROR}}>
</div>{{/APPROVE}}
{{#ACTION_ERROR}}<p class="field-error" id="act-{{ACTION_NAME}}-error" role="alert">{{MESSAGE}}</p>{{/ACTION_ERROR}}
<button type="submit" class="btn act-{{ACTION_NAME}}{{#DANGER}} btn-danger{{/DANGER}}">{{ACTION_LABEL}}</button>
</form>
{{/ACTION}}{{#FOUR_EYES}}<p class="notice four-eyes" role="note"><strong>Aturan empat mata.</strong> Anda membuat atau terakhir mengubah permintaan ini, jadi persetujuan harus diberikan oleh editor lain.</p>{{/FOUR_EYES}}</div>
</section>{{/HAS_ACTIONS}}
{{#ASSIGN}}<section class="panel assign-panel" aria-labelledby="assign-title">
<h2 id="assign-title">Penugasan</h2>
<form class="action-form" method="post" action="/requests/{{REQ_ID}}/assign">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<div class="field">
<label for="assignee">Tugaskan kepada</label>
<select id="assignee" name="assignee">
{{#EDITOR}}<option value="{{EDITOR_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{EDITOR_NAME}}{{#IS_ME}} (saya){{/IS_ME}}</option>
{{/EDITOR}}</select>
</div>
<button type="submit" class="btn btn-secondary">Tugaskan</button>
</form>
</section>{{/ASSIGN}}
{{#CONVERT}}<section class="panel convert-panel" aria-labelledby="convert-title">
<h2 id="convert-title">Acara sudah berlangsung</h2>
<p class="small">Buat draf siaran pers dari undangan liputan ini; isian yang ada disalin.</p>
<form method="post" action="/requests/{{REQ_ID}}/convert">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-secondary">Jadikan draf siaran pers</button>
</form>
</section>{{/CONVERT}}
</aside>
<div class="req-main">

{{>CHANGES}}
{{#EDITABLE}}<h2 class="section-title" id="ubah-isi">Ubah isi</h2>{{/EDITABLE}}
{{#CORRECTING}}<details class="correction-details"{{#CORRECTION_OPEN}} open{{/CORRECTION_OPEN}}>
<summary class="section-title" id="ubah-isi">Ralat siaran yang sudah terbit</summary>
<p class="hint">Ubah isi yang keliru lalu tulis catatan ralat. Halaman publik, umpan berita dan API akan menampilkan versi baru dengan catatan dan tanggal ralat. Nomor siaran tetap.</p>{{/CORRECTING}}
{{>FORM}}
{{#CORRECTING}}</details>{{/CORRECTING}}

{{#READONLY}}<section class="readonly" aria-labelledby="isi-title">
<h2 class="section-title" id="isi-title">Isi permintaan</h2>
<dl class="facts">
<div><dt>Jenis</dt><dd>{{REL_KIND_LABEL}}</dd></div>
<div><dt>Judul</dt><dd>{{REL_TITLE}}</dd></div>
<div><dt>Ringkasan</dt><dd class="pre-line">{{REL_SUMMARY:pre_escape}}</dd></div>
<div><dt>Dateline</dt><dd>{{REL_DATELINE_PLACE}}{{#HAS_DATELINE_DATE}}, {{REL_DATELINE_DATE}}{{/HAS_DATELINE_DATE}}</dd></div>
{{#EVENT}}<div><dt>Acara</dt><dd>{{EVENT_DAY}}{{#EVENT_END_DAY}} s.d. {{EVENT_END_DATE}}{{/EVENT_END_DAY}}, {{EVENT_FROM}}{{#HAS_EVENT_END}} – {{EVENT_TO}}{{/HAS_EVENT_END}} WIB</dd></div>{{/EVENT}}
<div><dt>Lokasi</dt><dd>{{REL_LOCATION}}{{#HAS_ADDRESS}}<br>
<span class="pre-line">{{REL_ADDRESS:pre_escape}}</span>{{/HAS_ADDRESS}}</dd></div>
{{#EMBARGO}}<div><dt>Embargo</dt><dd>{{EMBARGO_UNTIL}}</dd></div>{{/EMBARGO}}
</dl>
{{#HAS_BODY}}<h3>Isi siaran</h3>
<div class="prose readonly-body">
{{REL_BODY_HTML:none}}
</div>{{/HAS_BODY}}
{{#HAS_QUOTES}}<h3>Kutipan</h3>
{{#QUOTE}}<figure class="quote">
<blockquote><p>{{QUOTE_TEXT:pre_escape}}</p></blockquote>
<figcaption>— {{QUOTE_SPEAKER}}{{#HAS_POSITION}}, {{QUOTE_POSITION}}{{/HAS_POSITION}}</figcaption>
</figure>
{{/QUOTE}}{{/HAS_QUOTES}}
{{#CONTACT}}<h3>Narahubung</h3>
<p><span class="contact-name">{{CONTACT_NAME}}</span>{{#HAS_CONTACT_POSITION}}<br>
{{CONTACT_POSITION}}{{/HAS_CONTACT_POSITION}}{{#HAS_PHONE}}<br>
Telepon: <a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE_NB}}</a>{{/HAS_PHONE}}{{#HAS_EMAIL}}<br>
E-mail: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>{{/HAS_EMAIL}}</p>{{/CONTACT}}
</section>{{/READONLY}}

{{#MEDIA}}<section class="media-section" id="media" aria-labelledby="media-title">
<h2 class="section-title" id="media-title">Foto dan dokumen</h2>
{{#NO_MEDIA}}<p class="empty">Belum ada foto atau dokumen.</p>{{/NO_MEDIA}}
<ol class="media-list">
{{#PHOTO_ITEM}}<li class="media-item">
<img class="media-thumb" src="{{SRC}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{CAPTION}}">
<div class="media-info">
<p class="media-meta">{{#IS_LEAD}}<span class="badge">Foto utama</span> {{/IS_LEAD}}<span class="media-file">{{FILENAME}}</span> · {{FULL_WIDTH}}×{{FULL_HEIGHT}} piksel · {{SIZE}}</p>
<p><a href="{{FULL}}" download>Unduh (tanpa metadata)</a>{{#ORIGINAL}} · <a href="{{ORIGINAL_URL}}" download>Berkas asli</a>{{/ORIGINAL}}</p>
{{#CAN_EDIT}}<form class="media-edit" method="post" action="/requests/{{REQ_ID}}/media/{{MEDIA_ID}}">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<div class="field-row">
<div class="field"><label for="m{{MEDIA_ID}}-caption">Keterangan</label>
<input type="text" id="m{{MEDIA_ID}}-caption" name="caption" value="{{CAPTION}}" maxlength="500"></div>
<div class="field"><label for="m{{MEDIA_ID}}-credit">Kredit</label>
<input type="text" id="m{{MEDIA_ID}}-credit" name="credit" value="{{CREDIT}}" maxlength="200"></div>
</div>
<div class="media-buttons">
<button type="submit" name="op" value="save" class="btn btn-small">Simpan keterangan</button>
{{#NOT_LEAD}}<button type="submit" name="op" value="lead" class="btn btn-small btn-secondary">Jadikan foto utama</button>{{/NOT_LEAD}}
<button type="submit" name="op" value="up" class="btn btn-small btn-secondary" aria-label="Pindah ke atas: {{FILENAME}}">↑</button>
<button type="submit" name="op" value="down" class="btn btn-small btn-secondary" aria-label="Pindah ke bawah: {{FILENAME}}">↓</button>
<button type="submit" name="op" value="remove" class="btn btn-small btn-danger">Hapus</button>
</div>
</form>{{/CAN_EDIT}}{{#NO_EDIT}}<p>{{CAPTION}} <span class="credit">(Foto: {{CREDIT}})</span></p>{{/NO_EDIT}}
</div>
</li>
{{/PHOTO_ITEM}}{{#DOC_ITEM}}<li class="media-item media-doc">
<div class="media-info">
<p class="media-meta"><span class="badge badge-kind">PDF</span> <a href="{{FULL}}" download>{{FILENAME}}</a> · {{SIZE}}</p>
{{#CAN_EDIT}}<form class="media-edit" method="post" action="/requests/{{REQ_ID}}/media/{{MEDIA_ID}}">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<div class="field"><label for="m{{MEDIA_ID}}-caption">Keterangan</label>
<input type="text" id="m{{MEDIA_ID}}-caption" name="caption" value="{{CAPTION}}" maxlength="500"></div>
<div class="media-buttons">
<button type="submit" name="op" value="save" class="btn btn-small">Simpan keterangan</button>
<button type="submit" name="op" value="up" class="btn btn-small btn-secondary" aria-label="Pindah ke atas: {{FILENAME}}">↑</button>
<button type="submit" name="op" value="down" class="btn btn-small btn-secondary" aria-label="Pindah ke bawah: {{FILENAME}}">↓</button>
<button type="submit" name="op" value="remove" class="btn btn-small btn-danger">Hapus</button>
</div>
</form>{{/CAN_EDIT}}{{#NO_EDIT}}<p>{{CAPTION}}</p>{{/NO_EDIT}}
</div>
</li>
{{/DOC_ITEM}}</ol>
{{#UPLOAD}}<form class="form media-upload" method="post" action="/requests/{{REQ_ID}}/media" enctype="multipart/form-data">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
{{>MEDIA_INPUTS}}
<div class="form-actions"><button type="submit" class="btn btn-secondary">Unggah</button></div>
</form>{{/UPLOAD}}
</section>{{/MEDIA}}

{{#HAS_CORRECTIONS}}<section class="corrections" aria-labelledby="ralat-title">
<h2 class="section-title" id="ralat-title">Ralat</h2>
<ol class="correction-list">
{{#CORRECTION_ITEM}}<li><p><strong>{{C_AT}}</strong> — {{C_EDITOR}}</p><p class="pre-line">{{C_NOTE:pre_escape}}</p></li>
{{/CORRECTION_ITEM}}</ol>
</section>{{/HAS_CORRECTIONS}}
{{#HAS_HISTORY}}<section class="history" aria-labelledby="riwayat-title">
<h2 class="section-title" id="riwayat-title">Riwayat</h2>
<ol class="timeline">
{{#HISTORY}}<li>
<p class="h-head"><span class="h-at">{{H_AT}}</span> <span class="h-actor">{{H_ACTOR}}</span></p>
<p class="h-what">{{H_ACTION}} <span aria-hidden="true">→</span><span class="visually-hidden">, status menjadi</span> <span class="h-to">{{H_TO}}</span></p>
{{#H_HAS_NOTE}}<blockquote class="h-note"><p>{{H_NOTE:pre_escape}}</p></blockquote>{{/H_HAS_NOTE}}
</li>
{{/HISTORY}}</ol>
</section>{{/HAS_HISTORY}}
{{>COMMENTS}}
</div>
</div>
</div>
