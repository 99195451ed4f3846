<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>CriteriaRevisionDialog</name>
    <message>
        <source>Revise the criteria</source>
        <translation>بازنگری معیارها</translation>
    </message>
    <message>
        <source>Weight of each criterion, in whole percent; together 100.</source>
        <translation>وزن هر معیار به درصد صحیح؛ جمع آن‌ها ۱۰۰.</translation>
    </message>
    <message>
        <source>Threshold (0–100)</source>
        <translation>حد نصاب (۰ تا ۱۰۰)</translation>
    </message>
    <message>
        <source>Reason for the revision</source>
        <translation>دلیل بازنگری</translation>
    </message>
</context>
</TS>