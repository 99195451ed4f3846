<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SyncView</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>خطای پیش‌بینی‌نشده: %1</translation>
    </message>
    <message>
        <source>Unlocking the office keys…</source>
        <translation>در حال گشودن کلیدهای دفتر…</translation>
    </message>
    <message>
        <source>Collecting the changes…</source>
        <translation>در حال گردآوری تغییرها…</translation>
    </message>
    <message>
        <source>Writing part %1…</source>
        <translation>در حال نوشتن بخش %1…</translation>
    </message>
    <message>
        <source>Decrypting the bundle…</source>
        <translation>در حال رمزگشایی بسته…</translation>
    </message>
    <message>
        <source>Checking the files in the bundle…</source>
        <translation>در حال بررسی فایل‌های بسته…</translation>
    </message>
    <message>
        <source>Checking the records…</source>
        <translation>در حال بررسی رکوردها…</translation>
    </message>
    <message>
        <source>Applying the records…</source>
        <translation>در حال ثبت رکوردها…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <source>Your password unlocks this office's keys. It is asked once while this screen stays open.</source>
        <translation>گذرواژهٔ شما کلیدهای این دفتر را می‌گشاید. تا این صفحه باز است، فقط یک بار پرسیده می‌شود.</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (کد %2)</translation>
    </message>
    <message>
        <source>You may look at the trusted offices and the history. Sending and receiving bundles, enrolling and revoking need the office keys: %1</source>
        <translation>شما می‌توانید دفترهای مورد اعتماد و سابقه را ببینید. فرستادن و دریافت بسته، ثبت و ابطال گواهی به کلیدهای دفتر نیاز دارد: %1</translation>
    </message>
    <message>
        <source>certificate not enrolled yet</source>
        <translation>گواهی هنوز ثبت نشده است</translation>
    </message>
    <message>
        <source>No province is enrolled yet: enrol its certificate under Trusted offices</source>
        <translation>هنوز هیچ استانی ثبت نشده است؛ گواهی آن را در «دفترهای مورد اعتماد» ثبت کنید</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>مورد اعتماد</translation>
    </message>
    <message>
        <source>revoked on %1</source>
        <translation>باطل‌شده در %1</translation>
    </message>
    <message>
        <source>the provinces' offices</source>
        <translation>دفترهای استان‌ها</translation>
    </message>
    <message>
        <source>TPO's central office</source>
        <translation>دفتر مرکزی سازمان توسعه تجارت</translation>
    </message>
    <message>
        <source>No office is trusted yet: enrol %1 with “Enrol a certificate…”; until then no bundle is accepted.</source>
        <translation>هنوز هیچ دفتری مورد اعتماد نیست: گواهی %1 را با «ثبت گواهی…» ثبت کنید؛ تا آن زمان هیچ بسته‌ای پذیرفته نمی‌شود.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>received</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <source>imported: no records (an acknowledgement only)</source>
        <translation>وارد شد: بدون رکورد (فقط تأیید دریافت)</translation>
    </message>
    <message>
        <source>imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>وارد شد: %1 افزوده، %2 به‌روز، %3 بدون تغییر</translation>
    </message>
    <message>
        <source>acknowledged by the recipient (%1)</source>
        <translation>دریافتش را گیرنده تأیید کرد (%1)</translation>
    </message>
    <message>
        <source>waiting for acknowledgement; a copy is kept in this office</source>
        <translation>در انتظار تأیید دریافت؛ نسخه‌ای در این دفتر نگه داشته می‌شود</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>هنوز هیچ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>ذخیرهٔ بسته با نام</translation>
    </message>
    <message>
        <source>Bundles (*.bundle *.cdb);;All files (*)</source>
        <translation>بسته‌ها (*.bundle *.cdb);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>در حال ساختن بسته…</translation>
    </message>
    <message>
        <source>Bundle number %1 for %2 was written to %3</source>
        <translation>بستهٔ شمارهٔ %1 برای %2 در این فایل نوشته شد: %3</translation>
    </message>
    <message>
        <source>It holds %1 dossiers.</source>
        <translation>این بسته %1 پرونده دارد.</translation>
    </message>
    <message>
        <source>%1 provincially approved dossiers are now marked as sent to the centre.</source>
        <translation>%1 پروندهٔ تأییدشده در استان اکنون «ارسال‌شده به مرکز» است.</translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation>رکوردها: %1</translation>
    </message>
    <message>
        <source>A copy is kept in this office until the recipient acknowledges it. Carry the file to the recipient.</source>
        <translation>تا گیرنده دریافت آن را تأیید کند، نسخه‌ای در این دفتر نگه داشته می‌شود. فایل را به گیرنده برسانید.</translation>
    </message>
    <message>
        <source>Choose the bundle file</source>
        <translation>انتخاب فایل بسته</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>در حال بررسی بسته…</translation>
    </message>
    <message>
        <source>Every check passed: signed by an enrolled office, addressed to this office, not imported before, every file intact. Nothing has been changed yet — read what the bundle holds, then apply it.</source>
        <translation>همهٔ بررسی‌ها گذشت: امضای دفتری ثبت‌شده دارد، برای همین دفتر است، پیش‌تر وارد نشده و همهٔ فایل‌هایش سالم است. هنوز هیچ چیز تغییر نکرده است؛ محتوای بسته را بخوانید و سپس آن را ثبت کنید.</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>در حال واردکردن بسته…</translation>
    </message>
    <message>
        <source>The bundle was imported.</source>
        <translation>بسته وارد شد.</translation>
    </message>
    <message>
        <source>It acknowledges our bundles %1; their kept copies were removed.</source>
        <translation>این بسته دریافت بسته‌های %1 ما را تأیید می‌کند؛ نسخه‌های نگه‌داشتهٔ آن‌ها پاک شد.</translation>
    </message>
    <message>
        <source>The bundle was refused: %1 Nothing was changed in this office.</source>
        <translation>بسته رد شد: %1 هیچ تغییری در این دفتر داده نشد.</translation>
    </message>
    <message>
        <source>(part %1 of %2)</source>
        <translation>(بخش %1 از %2)</translation>
    </message>
    <message>
        <source>bundles %1 to %2 never arrived; this one carries all their changes</source>
        <translation>بسته‌های %1 تا %2 هرگز نرسیدند؛ این بسته همهٔ تغییرات آن‌ها را هم دارد</translation>
    </message>
    <message>
        <source>Attachment files (%1 MB)</source>
        <translation>فایل پیوست (%1 مگابایت)</translation>
    </message>
    <message>
        <source>%1 dossiers changed state:</source>
        <translation>وضعیت %1 پرونده تغییر کرد:</translation>
    </message>
    <message>
        <source>new here</source>
        <translation>تازه در این دفتر</translation>
    </message>
    <message>
        <source>%1 development programmes changed state:</source>
        <translation>وضعیت %1 طرح توسعه‌ای تغییر کرد:</translation>
    </message>
    <message>
        <source>%1 dossiers in the bundle, %2 of them new to this office:</source>
        <translation>%1 پرونده در بسته، %2 پرونده تازه برای این دفتر:</translation>
    </message>
    <message>
        <source>%1 new dossiers: their names are listed once the bundle is applied</source>
        <translation>%1 پروندهٔ تازه: نام آن‌ها پس از ثبت بسته فهرست می‌شود</translation>
    </message>
    <message>
        <source>Choose the office's certificate</source>
        <translation>انتخاب فایل گواهی دفتر</translation>
    </message>
    <message>
        <source>Certificates (*.json);;All files (*)</source>
        <translation>گواهی‌ها (*.json);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Revoke a key</source>
        <translation>ابطال کلید</translation>
    </message>
    <message>
        <source>Why is the key of %1 revoked (lost, stolen, office re-installed…)?</source>
        <translation>چرا کلید %1 باطل می‌شود (گم‌شده، دزدیده‌شده، نصب دوبارهٔ دفتر…)؟</translation>
    </message>
    <message>
        <source>Revoke the key of %1? Its bundles are refused from then on; a new certificate must be enrolled to exchange bundles again.</source>
        <translation>کلید %1 باطل شود؟ از این پس بسته‌های آن پذیرفته نمی‌شود و برای تبادل دوباره باید گواهی تازه‌ای ثبت شود.</translation>
    </message>
    <message>
        <source>Save this office's certificate as</source>
        <translation>ذخیرهٔ گواهی این دفتر با نام</translation>
    </message>
    <message>
        <source>Certificate saved</source>
        <translation>گواهی ذخیره شد</translation>
    </message>
    <message>
        <source>This office's certificate was written to %1. Give it to the other office and read this fingerprint to them by phone: %2</source>
        <translation>گواهی این دفتر در %1 نوشته شد. آن را به دفتر دیگر بدهید و این اثر انگشت را تلفنی برایشان بخوانید: %2</translation>
    </message>
    <message>
        <source>Writing the certificate…</source>
        <translation>در حال نوشتن گواهی…</translation>
    </message>
</context>
</TS>