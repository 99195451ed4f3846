<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Working-group decision</source>
        <translation>تصمیم کارگروه</translation>
    </message>
    <message>
        <source>This decision is recorded only in a working-group meeting: choose the meeting whose minutes record it.</source>
        <translation>این تصمیم فقط در جلسهٔ کارگروه ثبت می‌شود: جلسه‌ای را که صورتجلسهٔ آن این تصمیم را دارد انتخاب کنید.</translation>
    </message>
    <message>
        <source>Meeting (minutes)</source>
        <translation>جلسه (صورتجلسه)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>The working group's reasoning</source>
        <translation>دلیل و استدلال کارگروه</translation>
    </message>
</context>
</TS>