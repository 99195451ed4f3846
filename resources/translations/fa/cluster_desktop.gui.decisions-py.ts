<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <source>%1 (%2): the dossier moves to &apos;%3&apos;. This is recorded in its history. Go ahead?</source>
        <translation>%1 (%2): پرونده به وضعیت «%3» می‌رود و این اقدام در سابقهٔ آن ثبت می‌شود. انجام شود؟</translation>
    </message>
</context>
</TS>
