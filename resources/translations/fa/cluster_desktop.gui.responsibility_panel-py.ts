<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ProgrammeMatrixTab</name>
    <message>
        <source>Responsibilities (matrix)</source>
        <translation>مسئولیت‌ها (ماتریس وظایف)</translation>
    </message>
    <message>
        <source>Notification letters (F11)…</source>
        <translation>نامه‌های ابلاغ (F11)…</translation>
    </message>
    <message>
        <source>No programme is selected.</source>
        <translation>طرحی انتخاب نشده است.</translation>
    </message>
    <message>
        <source>items: %1</source>
        <translation>%1 قلم</translation>
    </message>
    <message>
        <source>One official letter to each agency responsible for items of the approved package.</source>
        <translation>برای هر دستگاهِ مسئولِ اقلام بستهٔ تأییدشده، یک نامهٔ رسمی ابلاغ.</translation>
    </message>
</context>
<context>
    <name>ResponsibilityPanel</name>
    <message>
        <source>Who is responsible (the programme's responsibility matrix)</source>
        <translation>مسئولیت‌ها در این مرحله (ماتریس وظایف برنامه)</translation>
    </message>
    <message>
        <source>No record is selected.</source>
        <translation>موردی انتخاب نشده است.</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>مرحلهٔ جاری</translation>
    </message>
    <message>
        <source>Recorded; no step of the programme yet.</source>
        <translation>ثبت شده است؛ هنوز مرحله‌ای از برنامه بر آن انجام نشده است.</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>مراحل بعدی</translation>
    </message>
    <message>
        <source>This is a final state: no step follows.</source>
        <translation>این وضعیت پایانی است و مرحلهٔ دیگری ندارد.</translation>
    </message>
    <message>
        <source>Alongside</source>
        <translation>هم‌زمان</translation>
    </message>
    <message>
        <source>The responsibility matrix only ticks the agencies of each step; who acts and who decides follows the workflow: the office taking the step acts, the working groups decide in minuted meetings, the other ticked agencies take part.</source>
        <translation>ماتریس وظایف برنامه فقط دستگاه‌های هر مرحله را علامت زده است؛ نقش هر دستگاه از گردش کار می‌آید: دفتری که مرحله را انجام می‌دهد اقدام‌کننده است، کارگروه‌ها در جلسهٔ دارای صورتجلسه تصمیم می‌گیرند و دیگر دستگاه‌های علامت‌خورده مشارکت دارند.</translation>
    </message>
    <message>
        <source>(the matrix has no ticks here; taken from the programme's text)</source>
        <translation>(ماتریس برای این مرحله علامتی ندارد؛ از متن برنامه برگرفته شده است)</translation>
    </message>
    <message>
        <source>Done at: %1</source>
        <translation>محل انجام: %1</translation>
    </message>
    <message>
        <source>Steps: %1</source>
        <translation>اقدام‌ها: %1</translation>
    </message>
    <message>
        <source>The matrix words this row: %1</source>
        <translation>عنوان این ردیف در ماتریس: %1</translation>
    </message>
    <message>
        <source>Agencies: %1</source>
        <translation>دستگاه‌ها: %1</translation>
    </message>
    <message>
        <source>(ticked in its sub-steps %1)</source>
        <translation>(علامت‌ها از زیرمراحل %1)</translation>
    </message>
    <message>
        <source>The matrix names no agency for this step.</source>
        <translation>ماتریس وظایف برای این مرحله دستگاهی نام نبرده است.</translation>
    </message>
</context>
<context>
    <name>StepsOverview</name>
    <message>
        <source>Steps and responsible agencies (responsibility matrix)</source>
        <translation>مراحل و دستگاه‌های مسئول (ماتریس وظایف)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>مورد</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>مرحلهٔ بعد</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>محل انجام</translation>
    </message>
    <message>
        <source>Responsible agencies (matrix)</source>
        <translation>دستگاه‌های مسئول (ماتریس وظایف)</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>پروندهٔ خوشه</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>طرح توسعه‌ای</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>مرکز</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>(the matrix names none for this step)</source>
        <translation>(ماتریس وظایف برای این مرحله دستگاهی نام نبرده است)</translation>
    </message>
</context>
</TS>