<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Current state: %1</source>
        <translation>وضعیت کنونی: %1</translation>
    </message>
    <message>
        <source>A working-group decision: choose the meeting and its minutes.</source>
        <translation>تصمیم کارگروه: جلسه و صورتجلسهٔ آن را انتخاب کنید.</translation>
    </message>
    <message>
        <source>No step of this dossier is open to you at this stage (your role: %1).</source>
        <translation>در این مرحله اقدامی از این پرونده با شما نیست (نقش شما: %1).</translation>
    </message>
    <message>
        <source>The feasibility plan is not complete yet. Missing: %1</source>
        <translation>طرح توجیهی هنوز کامل نیست. کمبودها: %1</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>ثبت شد</translation>
    </message>
    <message>
        <source>Registered in the databank as %1.</source>
        <translation>با شمارهٔ %1 در بانک اطلاعات ثبت شد.</translation>
    </message>
    <message>
        <source>Enters the dossier in the databank and gives it its registry number.</source>
        <translation>پرونده را در بانک اطلاعات خوشه‌ها ثبت می‌کند و شمارهٔ ثبت آن را صادر می‌کند.</translation>
    </message>
    <message>
        <source>Opens the license form: dates, conditions, and the centre's signature.</source>
        <translation>فرم صدور پروانه را باز می‌کند: تاریخ‌ها، شرایط و امضای مرکز.</translation>
    </message>
    <message>
        <source>The province receives the request with the next bundle and completes the plan in its own dossier.</source>
        <translation>استان این درخواست را با بستهٔ بعدی دریافت می‌کند و طرح توجیهی را در پروندهٔ خود تکمیل می‌کند.</translation>
    </message>
    <message>
        <source>%1 (%2): the dossier moves to '%3'. This is recorded in its history. Go ahead?</source>
        <translation>%1 (%2): پرونده به وضعیت «%3» می‌رود و این اقدام در سابقهٔ آن ثبت می‌شود. انجام شود؟</translation>
    </message>
    <message>
        <source>This dossier is not registered in the databank yet.</source>
        <translation>این پرونده هنوز در بانک اطلاعات ثبت نشده است.</translation>
    </message>
    <message>
        <source>License issued</source>
        <translation>پروانه صادر شد</translation>
    </message>
    <message>
        <source>License %1 was issued and signed.</source>
        <translation>پروانهٔ %1 صادر و امضا شد.</translation>
    </message>
</context>
</TS>