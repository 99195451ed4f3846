<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Workflow and decisions</source>
        <translation>گردش کار و تصمیم‌ها</translation>
    </message>
    <message>
        <source>What you can do now</source>
        <translation>اقدام‌هایی که اکنون می‌توانید انجام دهید</translation>
    </message>
    <message>
        <source>Approval, return for revision and rejection are working-group decisions: they are recorded only with the minutes of the meeting that took them, and a return or rejection needs the reason.</source>
        <translation>تأیید، برگشت برای اصلاح و رد، تصمیم‌های کارگروه‌اند: فقط با صورتجلسهٔ جلسه‌ای که در آن گرفته شده‌اند ثبت می‌شوند و برگشت یا رد به دلیل نیاز دارد.</translation>
    </message>
</context>
</TS>