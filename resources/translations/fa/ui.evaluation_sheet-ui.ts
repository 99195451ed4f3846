<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>EvaluationSheet</name>
    <message>
        <source>My evaluation</source>
        <translation>ارزیابی من</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>معیار</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>وزن</translation>
    </message>
    <message>
        <source>Score (0–5)</source>
        <translation>امتیاز (۰ تا ۵)</translation>
    </message>
    <message>
        <source>What this score means (rubric)</source>
        <translation>معنای این امتیاز (راهنمای امتیازدهی)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>General comment</source>
        <translation>نظر کلی</translation>
    </message>
    <message>
        <source>Your overall view of this nomination (optional)</source>
        <translation>نظر کلی شما دربارهٔ این معرفی (اختیاری)</translation>
    </message>
    <message>
        <source>Print my sheet…</source>
        <translation>چاپ برگهٔ من…</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>ذخیرهٔ پیش‌نویس</translation>
    </message>
    <message>
        <source>Submit sheet (final)</source>
        <translation>ارسال برگه (نهایی)</translation>
    </message>
</context>
</TS>