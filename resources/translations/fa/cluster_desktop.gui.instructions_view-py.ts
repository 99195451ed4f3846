<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>InstructionDialog</name>
    <message>
        <source>New revision of an instruction</source>
        <translation>بازنگری تازهٔ دستورالعمل</translation>
    </message>
    <message>
        <source>Issue this revision</source>
        <translation>ابلاغ این بازنگری</translation>
    </message>
</context>
<context>
    <name>InstructionsView</name>
    <message>
        <source>The programme's instructions (F5) and their revisions (F15). The centre issues each revision with its date and full text; the newest is in force, earlier ones are kept. Provinces receive them with the centre's next bundle.</source>
        <translation>دستورالعمل‌های برنامه (F5) و بازنگری‌های آن‌ها (F15). مرکز هر بازنگری را با تاریخ و متن کامل ابلاغ می‌کند؛ تازه‌ترین نسخه جاری است و نسخه‌های پیشین نگه داشته می‌شوند. استان‌ها آن‌ها را با بستهٔ بعدی مرکز دریافت می‌کنند.</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>فرایند</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>دستورالعمل</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>نسخهٔ جاری</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>تاریخ ابلاغ</translation>
    </message>
    <message>
        <source>not issued</source>
        <translation>ابلاغ نشده</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>نسخهٔ %1</translation>
    </message>
    <message>
        <source>Revision %1 — %2</source>
        <translation>نسخهٔ %1 — %2</translation>
    </message>
    <message>
        <source>(in force)</source>
        <translation>(جاری)</translation>
    </message>
    <message>
        <source>Not issued yet: choose “New revision…” to record its approved text.</source>
        <translation>هنوز ابلاغ نشده است: با «بازنگری تازه…» متن تصویب‌شدهٔ آن را ثبت کنید.</translation>
    </message>
    <message>
        <source>Not issued yet.</source>
        <translation>هنوز ابلاغ نشده است.</translation>
    </message>
    <message>
        <source>Not issued yet: it arrives with the centre's bundle once issued.</source>
        <translation>هنوز ابلاغ نشده است: پس از ابلاغ با بستهٔ مرکز می‌رسد.</translation>
    </message>
    <message>
        <source>In force since %1.</source>
        <translation>جاری از %1.</translation>
    </message>
    <message>
        <source>Issued on %1; replaced by a later revision.</source>
        <translation>ابلاغ‌شده در %1؛ با بازنگری بعدی جایگزین شده است.</translation>
    </message>
    <message>
        <source>Provincial authority (F9-2): programmes asking up to %1 rial.</source>
        <translation>حیطهٔ اختیارات استان (F9-2): طرح‌هایی با اعتبار درخواستی تا %1 ریال.</translation>
    </message>
    <message>
        <source>No provincial ceiling: every programme is referred to the centre.</source>
        <translation>سقفی برای اختیارات استان تعیین نشده است؛ همهٔ طرح‌ها به مرکز ارجاع می‌شوند.</translation>
    </message>
    <message>
        <source>Select an instruction first.</source>
        <translation>نخست یک دستورالعمل را انتخاب کنید.</translation>
    </message>
</context>
</TS>