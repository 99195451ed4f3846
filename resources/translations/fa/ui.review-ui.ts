<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ReviewView</name>
    <message>
        <source>Secondary review</source>
        <translation>بررسی ثانویه</translation>
    </message>
    <message>
        <source>Secondary review (F6-1): dossiers received from the provinces wait here for the central working group. Members score each one against the current criteria set with the national priorities in mind, beside the provincial score; the decision (final approval, return to the province with reasons, or rejection) is recorded in a minuted meeting on the dossier's page.</source>
        <translation>بررسی ثانویه (⁦F6-1⁩): پرونده‌های دریافتی از استان‌ها این‌جا در انتظار کارگروه مرکز می‌مانند. اعضا هر پرونده را با معیارهای جاری و با نگاه به اولویت‌های ملی، در کنار امتیاز استانی، امتیاز می‌دهند؛ تصمیم (تأیید نهایی، برگشت به استان با ذکر دلیل یا رد) در جلسهٔ دارای صورتجلسه و در صفحهٔ پرونده ثبت می‌شود.</translation>
    </message>
    <message>
        <source>Open the secondary review</source>
        <translation>آغاز بررسی ثانویه</translation>
    </message>
    <message>
        <source>Score it (my sheet)</source>
        <translation>امتیازدهی (برگهٔ من)</translation>
    </message>
    <message>
        <source>Decide in a meeting…</source>
        <translation>تصمیم در جلسه…</translation>
    </message>
    <message>
        <source>Open dossier</source>
        <translation>باز کردن پرونده</translation>
    </message>
</context>
</TS>