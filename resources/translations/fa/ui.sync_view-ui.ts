<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SyncView</name>
    <message>
        <source>Bundles and trusted offices</source>
        <translation>بسته‌ها و دفترهای مورد اعتماد</translation>
    </message>
    <message>
        <source>This office's key fingerprint:</source>
        <translation>اثر انگشت کلید این دفتر:</translation>
    </message>
    <message>
        <source>Send a bundle</source>
        <translation>فرستادن بسته</translation>
    </message>
    <message>
        <source>A bundle is one encrypted, signed file for one office, carried on a USB stick or sent by e-mail. It holds every change the recipient has not yet acknowledged, so a lost bundle is covered by the next one. At a province, every provincially approved dossier is marked as sent to the centre. A copy stays in this office until the recipient acknowledges it.</source>
        <translation>بسته یک فایل رمزشده و امضاشده برای یک دفتر است که با حافظهٔ USB یا رایانامه جابه‌جا می‌شود. هر تغییری را که گیرنده هنوز دریافتش را تأیید نکرده در خود دارد، پس اگر بسته‌ای گم شود، بستهٔ بعدی جای آن را پر می‌کند. در استان، هر پروندهٔ تأییدشده در استان «ارسال‌شده به مرکز» می‌شود. تا گیرنده دریافت را تأیید کند، نسخه‌ای در این دفتر می‌ماند.</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Full bundle: send everything again, not only what the recipient has not acknowledged</source>
        <translation>بستهٔ کامل: همه چیز دوباره فرستاده شود، نه فقط آنچه گیرنده تأیید نکرده است</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>ساختن بسته…</translation>
    </message>
    <message>
        <source>Receive a bundle</source>
        <translation>دریافت بسته</translation>
    </message>
    <message>
        <source>Choose the bundle file. It is first checked completely — signature of an enrolled office, addressed to this office, not imported before, every file intact — and nothing is changed. Read what it holds, then apply it.</source>
        <translation>فایل بسته را انتخاب کنید. نخست به‌طور کامل بررسی می‌شود (امضای دفتری ثبت‌شده، فرستاده‌شده برای همین دفتر، واردنشده در گذشته، سالم بودن همهٔ فایل‌ها) و هیچ چیز تغییر نمی‌کند. محتوای آن را بخوانید و سپس ثبتش کنید.</translation>
    </message>
    <message>
        <source>Choose a bundle file and check it…</source>
        <translation>انتخاب و بررسی فایل بسته…</translation>
    </message>
    <message>
        <source>The bundle</source>
        <translation>بسته</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>امضاکننده</translation>
    </message>
    <message>
        <source>Sender's key fingerprint</source>
        <translation>اثر انگشت کلید فرستنده</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>زمان ساخت</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Bundle number</source>
        <translation>شمارهٔ بسته</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>رکوردها</translation>
    </message>
    <message>
        <source>In the bundle</source>
        <translation>در بسته</translation>
    </message>
    <message>
        <source>New</source>
        <translation>تازه</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>نسخهٔ تازه‌تر</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <source>Apply the bundle</source>
        <translation>ثبت بسته در این دفتر</translation>
    </message>
    <message>
        <source>Trusted offices</source>
        <translation>دفترهای مورد اعتماد</translation>
    </message>
    <message>
        <source>Bundles are accepted only from offices enrolled here. Enrol an office's certificate once, after reading its fingerprint aloud with that office by phone. Revoke a key that is lost or stolen: its bundles are refused from then on.</source>
        <translation>بسته فقط از دفترهایی پذیرفته می‌شود که گواهی‌شان اینجا ثبت شده است. گواهی هر دفتر را یک بار ثبت کنید، پس از آنکه اثر انگشت آن را تلفنی با همان دفتر خواندید. کلید گم‌شده یا دزدیده‌شده را باطل کنید تا از آن پس بسته‌هایش پذیرفته نشود.</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>اثر انگشت کلید</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>زمان ثبت</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>علت ابطال</translation>
    </message>
    <message>
        <source>Enrol a certificate…</source>
        <translation>ثبت گواهی…</translation>
    </message>
    <message>
        <source>Revoke key…</source>
        <translation>ابطال کلید…</translation>
    </message>
    <message>
        <source>Save this office's certificate…</source>
        <translation>ذخیرهٔ گواهی این دفتر…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>تاریخ و ساعت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>جهت</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>What each office has acknowledged</source>
        <translation>تأیید دریافت هر دفتر</translation>
    </message>
    <message>
        <source>Last bundle sent</source>
        <translation>آخرین بستهٔ فرستاده</translation>
    </message>
    <message>
        <source>Last acknowledged</source>
        <translation>آخرین تأییدشده</translation>
    </message>
    <message>
        <source>Kept until acknowledged</source>
        <translation>نگه‌داشته تا تأیید دریافت</translation>
    </message>
</context>
</TS>