{{%AUTOESCAPE context="HTML"}}
<form class="form request-form" method="post" action="{{FORM_ACTION}}" enctype="multipart/form-data">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">Ada {{ERROR_COUNT}} isian yang perlu diperbaiki</h2>
<ul>
{{#ERROR_ITEM}}<li><a href="#f-{{FIELD}}">{{MESSAGE}}</a></li>
{{/ERROR_ITEM}}</ul>
</div>{{/ERRORS}}

{{#KIND_CHOICE}}<fieldset class="fieldset" id="f-kind"{{#KIND_ERROR}} aria-describedby="err-kind"{{/KIND_ERROR}}>
<legend>Jenis</legend>
{{#KIND_ERROR}}<p class="field-error" id="err-kind">{{MESSAGE}}</p>{{/KIND_ERROR}}
<div class="choices">
<div class="choice">
<input type="radio" id="f-kind-pr" name="kind" value="press_release"{{#KIND_PR_CHECKED}} checked{{/KIND_PR_CHECKED}}>
<label for="f-kind-pr"><span class="choice-title">Siaran pers</span>
<span class="choice-hint">Berita tentang kegiatan, program atau kebijakan yang sudah berlangsung.</span></label>
</div>
<div class="choice">
<input type="radio" id="f-kind-ma" name="kind" value="media_advisory"{{#KIND_MA_CHECKED}} checked{{/KIND_MA_CHECKED}}>
<label for="f-kind-ma"><span class="choice-title">Undangan liputan</span>
<span class="choice-hint">Undangan kepada media untuk meliput acara yang akan datang.</span></label>
</div>
</div>
</fieldset>{{/KIND_CHOICE}}

<fieldset class="fieldset">
<legend>Isi</legend>
<div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
<label for="f-title">Judul <span class="req">(wajib)</span></label>
<p class="hint" id="hint-title">Satu kalimat, 10–200 karakter. Menjadi judul berita.</p>
{{#TITLE_ERROR}}<p class="field-error" id="err-title">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<input type="text" id="f-title" name="title" value="{{TITLE_VALUE}}" maxlength="200" aria-describedby="hint-title{{#TITLE_ERROR}} err-title{{/TITLE_ERROR}}"{{#TITLE_ERROR}} aria-invalid="true"{{/TITLE_ERROR}}>
</div>
<div class="field{{#SUMMARY_ERROR}} has-error{{/SUMMARY_ERROR}}">
<label for="f-summary">Ringkasan (lead)</label>
<p class="hint" id="hint-summary">Paragraf pembuka: apa, siapa, kapan, di mana, mengapa. Wajib saat diajukan.</p>
{{#SUMMARY_ERROR}}<p class="field-error" id="err-summary">{{MESSAGE}}</p>{{/SUMMARY_ERROR}}
<textarea id="f-summary" name="summary" rows="4" maxlength="1000" aria-describedby="hint-summary{{#SUMMARY_ERROR}} err-summary{{/SUMMARY_ERROR}}"{{#SUMMARY_ERROR}} aria-invalid="true"{{/SUMMARY_ERROR}}>{{SUMMARY_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
<label for="f-body">Isi siaran</label>
<p class="hint" id="hint-body">Wajib untuk siaran pers. Format Markdown: **tebal**, *miring*, [tautan](https://...), baris kosong untuk paragraf baru, tanda - untuk daftar.</p>
{{#BODY_ERROR}}<p class="field-error" id="err-body">{{MESSAGE}}</p>{{/BODY_ERROR}}
<textarea id="f-body" name="body" rows="14" class="textarea-body" aria-describedby="hint-body{{#BODY_ERROR}} err-body{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY_VALUE:pre_escape}}</textarea>
</div>
</fieldset>

<fieldset class="fieldset">
<legend>Kegiatan/Acara</legend>
<div class="field{{#ACTIVITY_DATE_ERROR}} has-error{{/ACTIVITY_DATE_ERROR}}">
<label for="f-activity_date">Tanggal kegiatan</label>
<p class="hint" id="hint-activity_date">Wajib untuk siaran pers. Tampil pada baris tanggal (dateline).</p>
{{#ACTIVITY_DATE_ERROR}}<p class="field-error" id="err-activity_date">{{MESSAGE}}</p>{{/ACTIVITY_DATE_ERROR}}
<input type="date" id="f-activity_date" name="activity_date" value="{{ACTIVITY_DATE_VALUE}}" aria-describedby="hint-activity_date{{#ACTIVITY_DATE_ERROR}} err-activity_date{{/ACTIVITY_DATE_ERROR}}"{{#ACTIVITY_DATE_ERROR}} aria-invalid="true"{{/ACTIVITY_DATE_ERROR}}>
</div>
<div class="field{{#LOCATION_ERROR}} has-error{{/LOCATION_ERROR}}">
<label for="f-location">Lokasi</label>
<p class="hint" id="hint-location">Wajib untuk undangan liputan. Untuk siaran pers menjadi tempat pada dateline, mis. Balai Kota DKI Jakarta.</p>
{{#LOCATION_ERROR}}<p class="field-error" id="err-location">{{MESSAGE}}</p>{{/LOCATION_ERROR}}
<input type="text" id="f-location" name="location" value="{{LOCATION_VALUE}}" maxlength="200" aria-describedby="hint-location{{#LOCATION_ERROR}} err-location{{/LOCATION_ERROR}}"{{#LOCATION_ERROR}} aria-invalid="true"{{/LOCATION_ERROR}}>
</div>
<div class="field-row">
<div class="field{{#EVENT_START_ERROR}} has-error{{/EVENT_START_ERROR}}">
<label for="f-event_start">Mulai acara (WIB)</label>
<p class="hint" id="hint-event_start">Wajib untuk undangan liputan; tidak dipakai pada siaran pers.</p>
{{#EVENT_START_ERROR}}<p class="field-error" id="err-event_start">{{MESSAGE}}</p>{{/EVENT_START_ERROR}}
<input type="datetime-local" id="f-event_start" name="event_start" value="{{EVENT_START_VALUE}}" aria-describedby="hint-event_start{{#EVENT_START_ERROR}} err-event_start{{/EVENT_START_ERROR}}"{{#EVENT_START_ERROR}} aria-invalid="true"{{/EVENT_START_ERROR}}>
</div>
<div class="field{{#EVENT_END_ERROR}} has-error{{/EVENT_END_ERROR}}">
<label for="f-event_end">Selesai acara (WIB)</label>
<p class="hint" id="hint-event_end">Wajib untuk undangan liputan; tidak dipakai pada siaran pers.</p>
{{#EVENT_END_ERROR}}<p class="field-error" id="err-event_end">{{MESSAGE}}</p>{{/EVENT_END_ERROR}}
<input type="datetime-local" id="f-event_end" name="event_end" value="{{EVENT_END_VALUE}}" aria-describedby="hint-event_end{{#EVENT_END_ERROR}} err-event_end{{/EVENT_END_ERROR}}"{{#EVENT_END_ERROR}} aria-invalid="true"{{/EVENT_END_ERROR}}>
</div>
</div>
<div class="field{{#ADDRESS_ERROR}} has-error{{/ADDRESS_ERROR}}">
<label for="f-address">Alamat</label>
<p class="hint" id="hint-address">Untuk undangan liputan (opsional; tidak dipakai pada siaran pers): alamat lengkap tempat acara, mis. Jl. Medan Merdeka Selatan No. 8–9, Jakarta Pusat.</p>
{{#ADDRESS_ERROR}}<p class="field-error" id="err-address">{{MESSAGE}}</p>{{/ADDRESS_ERROR}}
<textarea id="f-address" name="address" rows="2" maxlength="500" aria-describedby="hint-address{{#ADDRESS_ERROR}} err-address{{/ADDRESS_ERROR}}"{{#ADDRESS_ERROR}} aria-invalid="true"{{/ADDRESS_ERROR}}>{{ADDRESS_VALUE:pre_escape}}</textarea>
</div>
</fieldset>

<fieldset class="fieldset" id="f-quotes"{{#QUOTES_ERROR}} aria-describedby="err-quotes"{{/QUOTES_ERROR}}>
<legend>Kutipan</legend>
<!-- [html-validate-disable-block form-dup-name -- each quote row repeats the three names; the server reads them in order] -->
<p class="hint">Opsional. Kosongkan baris yang tidak dipakai. Perlu baris tambahan? Simpan draf, lalu baris kosong baru akan tersedia.</p>
{{#QUOTES_ERROR}}<p class="field-error" id="err-quotes">{{MESSAGE}}</p>{{/QUOTES_ERROR}}
{{#QUOTE_ROW}}<fieldset class="quote-row">
<legend>Kutipan {{N}}</legend>
<div class="field-row">
<div class="field">
<label for="f-q{{N}}-speaker">Nama narasumber</label>
<input type="text" id="f-q{{N}}-speaker" name="quote_speaker" value="{{Q_SPEAKER}}" maxlength="200">
</div>
<div class="field">
<label for="f-q{{N}}-position">Jabatan</label>
<input type="text" id="f-q{{N}}-position" name="quote_position" value="{{Q_POSITION}}" maxlength="200">
</div>
</div>
<div class="field">
<label for="f-q{{N}}-text">Isi kutipan</label>
<textarea id="f-q{{N}}-text" name="quote_text" rows="3" maxlength="2000">{{Q_TEXT:pre_escape}}</textarea>
</div>
</fieldset>
{{/QUOTE_ROW}}</fieldset>

<fieldset class="fieldset">
<legend>Narahubung</legend>
<p class="hint">Petugas yang dapat dihubungi media. Nama wajib saat diajukan; isi telepon atau e-mail (minimal salah satu).</p>
<div class="field-row">
<div class="field{{#CONTACT_NAME_ERROR}} has-error{{/CONTACT_NAME_ERROR}}">
<label for="f-contact_name">Nama</label>
{{#CONTACT_NAME_ERROR}}<p class="field-error" id="err-contact_name">{{MESSAGE}}</p>{{/CONTACT_NAME_ERROR}}
<input type="text" id="f-contact_name" name="contact_name" value="{{CONTACT_NAME_VALUE}}" maxlength="200" autocomplete="off"{{#CONTACT_NAME_ERROR}} aria-invalid="true" aria-describedby="err-contact_name"{{/CONTACT_NAME_ERROR}}>
</div>
<div class="field{{#CONTACT_POSITION_ERROR}} has-error{{/CONTACT_POSITION_ERROR}}">
<label for="f-contact_position">Jabatan</label>
{{#CONTACT_POSITION_ERROR}}<p class="field-error" id="err-contact_position">{{MESSAGE}}</p>{{/CONTACT_POSITION_ERROR}}
<input type="text" id="f-contact_position" name="contact_position" value="{{CONTACT_POSITION_VALUE}}" maxlength="200" autocomplete="off"{{#CONTACT_POSITION_ERROR}} aria-invalid="true" aria-describedby="err-contact_position"{{/CONTACT_POSITION_ERROR}}>
</div>
</div>
<div class="field-row">
<div class="field{{#CONTACT_PHONE_ERROR}} has-error{{/CONTACT_PHONE_ERROR}}">
<label for="f-contact_phone">Telepon</label>
<p class="hint" id="hint-contact_phone">Mis. 0812-3456-7890 atau (021) 1234-5678.</p>
{{#CONTACT_PHONE_ERROR}}<p class="field-error" id="err-contact_phone">{{MESSAGE}}</p>{{/CONTACT_PHONE_ERROR}}
<input type="tel" id="f-contact_phone" name="contact_phone" value="{{CONTACT_PHONE_VALUE}}" maxlength="25" autocomplete="off" aria-describedby="hint-contact_phone{{#CONTACT_PHONE_ERROR}} err-contact_phone{{/CONTACT_PHONE_ERROR}}"{{#CONTACT_PHONE_ERROR}} aria-invalid="true"{{/CONTACT_PHONE_ERROR}}>
</div>
<div class="field{{#CONTACT_EMAIL_ERROR}} has-error{{/CONTACT_EMAIL_ERROR}}">
<label for="f-contact_email">E-mail</label>
<p class="hint" id="hint-contact_email">Alamat dinas, mis. nama@jakarta.go.id.</p>
{{#CONTACT_EMAIL_ERROR}}<p class="field-error" id="err-contact_email">{{MESSAGE}}</p>{{/CONTACT_EMAIL_ERROR}}
<input type="email" id="f-contact_email" name="contact_email" value="{{CONTACT_EMAIL_VALUE}}" maxlength="254" autocomplete="off" spellcheck="false" aria-describedby="hint-contact_email{{#CONTACT_EMAIL_ERROR}} err-contact_email{{/CONTACT_EMAIL_ERROR}}"{{#CONTACT_EMAIL_ERROR}} aria-invalid="true"{{/CONTACT_EMAIL_ERROR}}>
</div>
</div>
</fieldset>

<fieldset class="fieldset">
<legend>Penerbitan</legend>
<div class="field{{#PUBLISH_AT_ERROR}} has-error{{/PUBLISH_AT_ERROR}}">
<label for="f-publish_at">Waktu terbit yang diminta (WIB)</label>
<p class="hint" id="hint-publish_at">Opsional. Kosongkan bila dapat diterbitkan segera setelah disetujui. Jadwal akhir ditetapkan Humas.</p>
{{#PUBLISH_AT_ERROR}}<p class="field-error" id="err-publish_at">{{MESSAGE}}</p>{{/PUBLISH_AT_ERROR}}
<input type="datetime-local" id="f-publish_at" name="publish_at" value="{{PUBLISH_AT_VALUE}}" aria-describedby="hint-publish_at{{#PUBLISH_AT_ERROR}} err-publish_at{{/PUBLISH_AT_ERROR}}"{{#PUBLISH_AT_ERROR}} aria-invalid="true"{{/PUBLISH_AT_ERROR}}>
</div>
</fieldset>

{{>MEDIA_INPUTS}}

{{#CORRECTION}}<fieldset class="fieldset fieldset-correction">
<legend>Ralat</legend>
<div class="field{{#CORRECTION_ERROR}} has-error{{/CORRECTION_ERROR}}">
<label for="f-correction_note">Catatan ralat untuk pembaca (wajib)</label>
<p class="hint" id="hint-correction_note">Tampil di halaman siaran bersama tanggal ralat, mis. “Nama narasumber diperbaiki.” Nomor siaran tetap.</p>
{{#CORRECTION_ERROR}}<p class="field-error" id="err-correction_note">{{MESSAGE}}</p>{{/CORRECTION_ERROR}}
<textarea id="f-correction_note" name="correction_note" rows="3" maxlength="2000" aria-describedby="hint-correction_note{{#CORRECTION_ERROR}} err-correction_note{{/CORRECTION_ERROR}}"{{#CORRECTION_ERROR}} aria-invalid="true"{{/CORRECTION_ERROR}}>{{CORRECTION_NOTE_VALUE:pre_escape}}</textarea>
</div>
</fieldset>{{/CORRECTION}}

<div class="form-actions">
{{#CORRECTION}}<button type="submit" name="action" value="save" class="btn btn-primary">Terbitkan ralat</button>{{/CORRECTION}}
{{#CAN_SUBMIT}}<button type="submit" name="action" value="save" class="btn btn-secondary">Simpan draf</button>
<button type="submit" name="action" value="submit" class="btn btn-primary">Ajukan ke Humas</button>{{/CAN_SUBMIT}}
{{#EDITOR_SAVE}}<button type="submit" name="action" value="save" class="btn btn-primary">Simpan perubahan</button>{{/EDITOR_SAVE}}
</div>
{{#CAN_SUBMIT}}<p class="hint form-note">“Simpan draf” menyimpan tanpa mengirim. “Ajukan ke Humas” mengirim permintaan untuk ditinjau; isian wajib diperiksa lebih dulu.</p>{{/CAN_SUBMIT}}
{{#EDITOR_SAVE}}<p class="hint form-note">Perubahan Anda tersimpan sebagai revisi baru; tindakan persetujuan memakai isi yang sudah disimpan.</p>{{/EDITOR_SAVE}}
</form>
