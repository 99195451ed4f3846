<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Working-group decision</source>
        <translation>تصمیم کارگروه</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>ثبت تصمیم</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation>خوشه: %1</translation>
    </message>
    <message>
        <source>— choose the meeting —</source>
        <translation>— جلسه را انتخاب کنید —</translation>
    </message>
    <message>
        <source>Minutes %1 — %2</source>
        <translation>صورتجلسه %1 — %2</translation>
    </message>
    <message>
        <source>No meeting with open minutes: record the meeting in the working group first (finalized minutes take no new decisions).</source>
        <translation>جلسه‌ای با صورتجلسهٔ باز نیست: نخست جلسه را در کارگروه ثبت کنید (صورتجلسهٔ نهایی‌شده تصمیم تازه نمی‌پذیرد).</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>دلیل (الزامی)</translation>
    </message>
</context>
</TS>