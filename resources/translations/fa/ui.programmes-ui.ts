<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ProgrammesView</name>
    <message>
        <source>Development programmes and support packages</source>
        <translation>طرح‌های توسعه‌ای و بسته‌های حمایتی</translation>
    </message>
    <message>
        <source>Search programme, proposer or cluster…</source>
        <translation>جستجوی طرح، پیشنهاددهنده یا خوشه…</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>طرح تازه…</translation>
    </message>
    <message>
        <source>Edit programme…</source>
        <translation>ویرایش طرح…</translation>
    </message>
    <message>
        <source>Monitoring report…</source>
        <translation>گزارش پایش…</translation>
    </message>
    <message>
        <source>Support package (F10, F11)</source>
        <translation>بستهٔ حمایتی (F10، F11)</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>افزودن قلم…</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>حذف قلم</translation>
    </message>
    <message>
        <source>Allocations (F12)</source>
        <translation>تخصیص منابع (F12)</translation>
    </message>
    <message>
        <source>Record an allocation…</source>
        <translation>ثبت تخصیص…</translation>
    </message>
    <message>
        <source>Execution (F13)</source>
        <translation>اجرا (F13)</translation>
    </message>
    <message>
        <source>Add activity…</source>
        <translation>افزودن فعالیت…</translation>
    </message>
    <message>
        <source>Update activity…</source>
        <translation>به‌روزرسانی فعالیت…</translation>
    </message>
    <message>
        <source>Monitoring (F14)</source>
        <translation>پایش (F14)</translation>
    </message>
    <message>
        <source>Add indicator…</source>
        <translation>افزودن شاخص…</translation>
    </message>
    <message>
        <source>Record target and actual…</source>
        <translation>ثبت هدف و عملکرد…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
</context>
</TS>