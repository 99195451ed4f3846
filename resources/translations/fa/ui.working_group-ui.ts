<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>WorkingGroupView</name>
    <message>
        <source>Secretariat and working group</source>
        <translation>دبیرخانه و کارگروه</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>اعضای کارگروه</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>افزودن عضو…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <source>Show former members</source>
        <translation>نمایش اعضای پیشین</translation>
    </message>
    <message>
        <source>Meetings and minutes</source>
        <translation>جلسات و صورتجلسه‌ها</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>جلسهٔ تازه…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>باز کردن…</translation>
    </message>
    <message>
        <source>Finalize minutes</source>
        <translation>نهایی کردن صورتجلسه</translation>
    </message>
    <message>
        <source>Print minutes…</source>
        <translation>چاپ صورتجلسه…</translation>
    </message>
    <message>
        <source>Decisions taken in this meeting:</source>
        <translation>تصمیم‌های گرفته‌شده در این جلسه:</translation>
    </message>
    <message>
        <source>Double-click a decision to open its dossier.</source>
        <translation>برای باز کردن پرونده، روی تصمیم دوبار کلیک کنید.</translation>
    </message>
</context>
</TS>