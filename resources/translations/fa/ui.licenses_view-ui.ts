<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LicensesView</name>
    <message>
        <source>Cluster approval licenses</source>
        <translation>پروانه‌های تأیید خوشه</translation>
    </message>
    <message>
        <source>Cluster approval licenses (F8): issued for clusters registered in the databank, numbered per Jalali year (TPO-CL-year-number) and signed with the centre's key for the QR code. A license may be suspended or revoked with a reason; revocation is final. Issued licenses and their changes go to the province in the next decision bundle.</source>
        <translation>پروانه‌های تأیید خوشه (F8): برای خوشه‌های ثبت‌شده در بانک اطلاعات صادر می‌شوند، در هر سال شمسی از نو شماره می‌خورند (مانند ⁦TPO-CL-1405-00012⁩) و برای کد QR با کلید مرکز امضا می‌شوند. پروانه را می‌توان با ذکر دلیل تعلیق یا ابطال کرد؛ ابطال برگشت‌ناپذیر است. پروانه‌های صادرشده و تغییرات آن‌ها با بستهٔ تصمیم‌های بعدی به استان می‌رود.</translation>
    </message>
    <message>
        <source>Registered in the databank, waiting for a license</source>
        <translation>ثبت‌شده در بانک اطلاعات، در انتظار پروانه</translation>
    </message>
    <message>
        <source>Issue license…</source>
        <translation>صدور پروانه…</translation>
    </message>
    <message>
        <source>Search cluster or license number</source>
        <translation>جستجوی خوشه یا شمارهٔ پروانه</translation>
    </message>
    <message>
        <source>Verify a license…</source>
        <translation>بررسی اصالت پروانه…</translation>
    </message>
    <message>
        <source>Check a printed license offline: paste its QR code text or open its PDF.</source>
        <translation>بررسی برون‌خط اصالت پروانهٔ چاپ‌شده: متن رمزینهٔ QR آن را وارد کنید یا PDF آن را باز کنید.</translation>
    </message>
    <message>
        <source>Print license…</source>
        <translation>چاپ پروانه…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>تعلیق…</translation>
    </message>
    <message>
        <source>Reinstate…</source>
        <translation>اعتبار دوباره…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>ابطال…</translation>
    </message>
    <message>
        <source>Open dossier</source>
        <translation>باز کردن پرونده</translation>
    </message>
</context>
</TS>