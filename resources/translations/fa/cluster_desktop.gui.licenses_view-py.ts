<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LicenseIssueDialog</name>
    <message>
        <source>Issue the cluster approval license</source>
        <translation>صدور پروانهٔ تأیید خوشه</translation>
    </message>
    <message>
        <source>%1 — %2, registry number %3</source>
        <translation>%1 — %2، شمارهٔ ثبت %3</translation>
    </message>
    <message>
        <source>Issue and sign</source>
        <translation>صدور و امضا</translation>
    </message>
    <message>
        <source>Your password unlocks the centre's signing key for this license.</source>
        <translation>گذرواژهٔ شما کلید امضای مرکز را برای این پروانه باز می‌کند.</translation>
    </message>
    <message>
        <source>Signing the license…</source>
        <translation>در حال امضای پروانه…</translation>
    </message>
    <message>
        <source>Checking the dossier…</source>
        <translation>در حال بررسی پرونده…</translation>
    </message>
</context>
<context>
    <name>LicensesView</name>
    <message>
        <source>valid</source>
        <translation>معتبر</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>تعلیق‌شده</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>ابطال‌شده</translation>
    </message>
    <message>
        <source>License number</source>
        <translation>شمارهٔ پروانه</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>تاریخ صدور</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>اعتبار تا</translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation>(منقضی)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>شرایط</translation>
    </message>
    <message>
        <source>All licenses</source>
        <translation>همهٔ پروانه‌ها</translation>
    </message>
    <message>
        <source>%1 licenses</source>
        <translation>%1 پروانه</translation>
    </message>
    <message>
        <source>%1 — %2 (registered %3)</source>
        <translation>%1 — %2 (ثبت %3)</translation>
    </message>
    <message>
        <source>Select a license first.</source>
        <translation>نخست پروانه‌ای را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Preview and print the selected license with its signed QR code.</source>
        <translation>پیش‌نمایش و چاپ پروانهٔ انتخاب‌شده با رمزینهٔ QR امضاشدهٔ آن.</translation>
    </message>
    <message>
        <source>License issued</source>
        <translation>پروانه صادر شد</translation>
    </message>
    <message>
        <source>License %1 was issued and signed.</source>
        <translation>پروانهٔ %1 صادر و امضا شد.</translation>
    </message>
    <message>
        <source>Suspend license</source>
        <translation>تعلیق پروانه</translation>
    </message>
    <message>
        <source>Why is license %1 suspended?</source>
        <translation>دلیل تعلیق پروانهٔ %1 چیست؟</translation>
    </message>
    <message>
        <source>Reinstate license</source>
        <translation>اعتبار دوبارهٔ پروانه</translation>
    </message>
    <message>
        <source>Why is license %1 valid again?</source>
        <translation>دلیل اعتبار دوبارهٔ پروانهٔ %1 چیست؟</translation>
    </message>
    <message>
        <source>Revoke license</source>
        <translation>ابطال پروانه</translation>
    </message>
    <message>
        <source>Why is license %1 revoked? Revocation is final.</source>
        <translation>دلیل ابطال پروانهٔ %1 چیست؟ ابطال برگشت‌ناپذیر است.</translation>
    </message>
    <message>
        <source>Revoke license %1? It cannot be used again.</source>
        <translation>پروانهٔ %1 ابطال شود؟ دیگر به کار نخواهد رفت.</translation>
    </message>
</context>
</TS>