<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>CriteriaView</name>
    <message>
        <source>Criteria sets and their revisions</source>
        <translation>مجموعه‌های معیار و بازنگری آن‌ها</translation>
    </message>
    <message>
        <source>The nine Article 7 criteria with their weights and the threshold. The centre revises them (F15): a revision is a new version that becomes current for new evaluation sheets; sheets already scored keep the version they used. Revisions reach the provinces with the next decision bundle.</source>
        <translation>معیارهای نه‌گانهٔ مادهٔ ۷ با وزن‌ها و حد نصاب. مرکز آن‌ها را بازنگری می‌کند (F15): هر بازنگری ویرایش تازه‌ای است که برای برگه‌های ارزیابی جدید جاری می‌شود و برگه‌های ثبت‌شده با همان ویرایشی می‌مانند که با آن امتیاز گرفته‌اند. بازنگری‌ها با بستهٔ تصمیم بعدی به استان‌ها می‌رسد.</translation>
    </message>
    <message>
        <source>Revise weights and threshold…</source>
        <translation>بازنگری وزن‌ها و حد نصاب…</translation>
    </message>
</context>
</TS>