<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LicenseVerifyDialog</name>
    <message>
        <source>Verify a license</source>
        <translation>بررسی اصالت پروانه</translation>
    </message>
    <message>
        <source>Paste the text of the QR code first.</source>
        <translation>ابتدا متن رمزینهٔ QR را وارد کنید.</translation>
    </message>
    <message>
        <source>Open a license PDF</source>
        <translation>گشودن PDF پروانه</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Province: %1 — issued: %2 — valid until: %3</source>
        <translation>استان: %1 — تاریخ صدور: %2 — اعتبار تا: %3</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>دلیل: %1</translation>
    </message>
</context>
</TS>