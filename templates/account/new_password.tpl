{{%AUTOESCAPE context="HTML"}}
{{! The new password and its confirmation, with the policy as a hint: the change form and the
    one-time link form (pages/account_security.c). }}
<div class="field{{#NEW_PASSWORD_ERROR}} has-error{{/NEW_PASSWORD_ERROR}}">
<label for="f-new_password">Kata sandi baru</label>
{{#NEW_PASSWORD_ERROR}}<p class="field-error" id="err-new_password">{{MESSAGE}}</p>{{/NEW_PASSWORD_ERROR}}
<input type="password" id="f-new_password" name="new_password" autocomplete="new-password" minlength="12" maxlength="128" required aria-describedby="hint-new_password{{#NEW_PASSWORD_ERROR}} err-new_password{{/NEW_PASSWORD_ERROR}}"{{#NEW_PASSWORD_ERROR}} aria-invalid="true"{{/NEW_PASSWORD_ERROR}}>
<p class="hint" id="hint-new_password">12 sampai 128 karakter. Kata sandi yang paling umum dipakai ditolak. Mudah diingat dan sulit ditebak: gabungan tiga atau empat kata yang tidak berhubungan.</p>
</div>
<div class="field{{#NEW_PASSWORD_CONFIRM_ERROR}} has-error{{/NEW_PASSWORD_CONFIRM_ERROR}}">
<label for="f-new_password_confirm">Ulangi kata sandi baru</label>
{{#NEW_PASSWORD_CONFIRM_ERROR}}<p class="field-error" id="err-new_password_confirm">{{MESSAGE}}</p>{{/NEW_PASSWORD_CONFIRM_ERROR}}
<input type="password" id="f-new_password_confirm" name="new_password_confirm" autocomplete="new-password" maxlength="128" required{{#NEW_PASSWORD_CONFIRM_ERROR}} aria-invalid="true" aria-describedby="err-new_password_confirm"{{/NEW_PASSWORD_CONFIRM_ERROR}}>
</div>
