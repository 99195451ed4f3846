<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>EntryDialog</name>
    <message>
        <source>Support package item</source>
        <translation>قلم بستهٔ حمایتی</translation>
    </message>
    <message>
        <source>Allocation by the responsible agency</source>
        <translation>تخصیص دستگاه مسئول</translation>
    </message>
    <message>
        <source>Execution activity</source>
        <translation>فعالیت اجرایی</translation>
    </message>
    <message>
        <source>Monitoring indicator</source>
        <translation>شاخص پایش</translation>
    </message>
    <message>
        <source>Target and actual of a period</source>
        <translation>هدف و عملکرد یک دوره</translation>
    </message>
    <message>
        <source>— choose the agency —</source>
        <translation>— دستگاه را انتخاب کنید —</translation>
    </message>
    <message>
        <source>%1 — %2 (remaining %3 rial)</source>
        <translation>%1 — %2 (ماندهٔ %3 ریال)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Edit the programme</source>
        <translation>ویرایش طرح توسعه‌ای</translation>
    </message>
    <message>
        <source>New development programme</source>
        <translation>طرح توسعه‌ای تازه</translation>
    </message>
    <message>
        <source>A development programme handed in to this secretariat by a natural or legal person or a cluster development agent (F9), for a cluster in the databank.</source>
        <translation>طرح توسعه‌ای که شخص حقیقی یا حقوقی یا عامل توسعهٔ خوشه به این دبیرخانه داده است (F9)، برای خوشه‌ای از بانک اطلاعات.</translation>
    </message>
    <message>
        <source>A development programme handed in to the province's secretariat by a natural or legal person or a cluster development agent (F9), for a cluster the provincial working group approved. The working group then approves it within provincial authority (F9-2) or refers it to the centre (F9-3).</source>
        <translation>طرح توسعه‌ای که شخص حقیقی یا حقوقی یا عامل توسعهٔ خوشه به دبیرخانهٔ استان داده است (F9)، برای خوشه‌ای که کارگروه استان تأیید کرده است. سپس کارگروه آن را در حیطهٔ اختیارات استان تأیید می‌کند (F9-2) یا به مرکز ارجاع می‌دهد (F9-3).</translation>
    </message>
    <message>
        <source>— choose the cluster —</source>
        <translation>— خوشه را انتخاب کنید —</translation>
    </message>
    <message>
        <source>No cluster is in the databank yet: programmes are recorded for registered clusters.</source>
        <translation>هنوز خوشه‌ای در بانک اطلاعات نیست: طرح توسعه‌ای برای خوشه‌های ثبت‌شده ثبت می‌شود.</translation>
    </message>
    <message>
        <source>The provincial working group has approved no cluster yet: programmes are recorded for approved clusters.</source>
        <translation>کارگروه استان هنوز هیچ خوشه‌ای را تأیید نکرده است؛ طرح توسعه‌ای برای خوشه‌های تأییدشده ثبت می‌شود.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>ProgrammesView</name>
    <message>
        <source>Execution and monitoring</source>
        <translation>اجرا و پایش</translation>
    </message>
    <message>
        <source>Preview, print or save as PDF</source>
        <translation>پیش‌نمایش، چاپ یا ذخیره به صورت PDF</translation>
    </message>
    <message>
        <source>%1, quarter %2</source>
        <translation>%1، فصل %2</translation>
    </message>
    <message>
        <source>Allocated, in execution or completed</source>
        <translation>تخصیص‌یافته، در حال اجرا یا پایان‌یافته</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>همهٔ طرح‌ها</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>طرح توسعه‌ای</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>تاریخ دریافت</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Budget (rial)</source>
        <translation>اعتبار (ریال)</translation>
    </message>
    <message>
        <source>Allocated (rial)</source>
        <translation>تخصیص‌یافته (ریال)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>پیشرفت</translation>
    </message>
    <message>
        <source>Support item</source>
        <translation>قلم حمایتی</translation>
    </message>
    <message>
        <source>Responsible agency</source>
        <translation>دستگاه مسئول</translation>
    </message>
    <message>
        <source>Amount (rial)</source>
        <translation>مبلغ (ریال)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Allocated on</source>
        <translation>تاریخ تخصیص</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Letter or document</source>
        <translation>نامه یا سند</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
    <message>
        <source>Carried out by</source>
        <translation>مجری</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>تاریخ شروع</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>تاریخ پایان</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>مقدار پایه</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>عملکرد</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>فاصله</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>تحقق</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>بازخورد</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>گزارش‌دهنده</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>فرایند</translation>
    </message>
    <message>
        <source>New state</source>
        <translation>وضعیت جدید</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>صورتجلسه</translation>
    </message>
    <message>
        <source>By</source>
        <translation>اقدام‌کننده</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>%1 programmes</source>
        <translation>%1 طرح</translation>
    </message>
    <message>
        <source>No programme is selected.</source>
        <translation>طرحی انتخاب نشده است.</translation>
    </message>
    <message>
        <source>Cluster: %1, %2 · Proposer: %3 (%4) · Received on %5 · Budget %6 rial</source>
        <translation>خوشه: %1، %2 · پیشنهاددهنده: %3 (%4) · تاریخ دریافت %5 · اعتبار %6 ریال</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>وضعیت: %1</translation>
    </message>
    <message>
        <source>Proposer's identity: %1</source>
        <translation>مشخصات پیشنهاددهنده: %1</translation>
    </message>
    <message>
        <source>Handed in at the centre's secretariat</source>
        <translation>دریافت‌شده در دبیرخانهٔ مرکز</translation>
    </message>
    <message>
        <source>Recorded by the province's secretariat (%1)</source>
        <translation>ثبت‌شده در دبیرخانهٔ استان (%1)</translation>
    </message>
    <message>
        <source>approved within provincial authority: ceiling %1 rial of instruction F5-2, revision %2</source>
        <translation>تأییدشده در حیطهٔ اختیارات استان: سقف %1 ریال دستورالعمل F5-2، بازنگری %2</translation>
    </message>
    <message>
        <source>the centre has set no provincial ceiling (F5-2) yet: programmes are referred to it</source>
        <translation>مرکز هنوز سقف اختیارات استان (F5-2) را تعیین نکرده است؛ طرح‌ها به مرکز ارجاع می‌شوند</translation>
    </message>
    <message>
        <source>within provincial authority up to %1 rial (instruction F5-2, revision %2)</source>
        <translation>حیطهٔ اختیارات استان تا %1 ریال (دستورالعمل F5-2، بازنگری %2)</translation>
    </message>
    <message>
        <source>No support package yet. Once the programme is approved, add its items, each with the agency responsible for it (F10); the central working group then approves and notifies it (F11).</source>
        <translation>هنوز بستهٔ حمایتی ندارد. پس از تأیید طرح، اقلام بسته را هر یک با دستگاه مسئول آن بیفزایید (F10)؛ سپس کارگروه مرکز آن را تأیید و ابلاغ می‌کند (F11).</translation>
    </message>
    <message>
        <source>Approved and notified to the agencies on %1. Total %2 rial.</source>
        <translation>در %1 تأیید و به دستگاه‌ها ابلاغ شد. جمع %2 ریال.</translation>
    </message>
    <message>
        <source>Proposed package, total %1 rial.</source>
        <translation>بستهٔ پیشنهادی، جمع %1 ریال.</translation>
    </message>
    <message>
        <source>Allocated %1 of %2 rial by the responsible agencies.</source>
        <translation>%1 از %2 ریال را دستگاه‌های مسئول تخصیص داده‌اند.</translation>
    </message>
    <message>
        <source>No activity is planned yet.</source>
        <translation>هنوز فعالیتی برنامه‌ریزی نشده است.</translation>
    </message>
    <message>
        <source>%1 activities, %2 done on average.</source>
        <translation>%1 فعالیت، میانگین پیشرفت %2.</translation>
    </message>
    <message>
        <source>Targets against actuals for each period; a negative gap is behind target.</source>
        <translation>هدف و عملکرد هر دوره؛ فاصلهٔ منفی یعنی عقب‌تر از هدف.</translation>
    </message>
    <message>
        <source>%1 behind target.</source>
        <translation>%1 مورد عقب‌تر از هدف.</translation>
    </message>
    <message>
        <source>Every step with its process code, minutes and who took it.</source>
        <translation>همهٔ مراحل با کد فرایند، صورتجلسه و اقدام‌کننده.</translation>
    </message>
    <message>
        <source>%1 (%2): the programme moves to '%3'. This is recorded in its history. Go ahead?</source>
        <translation>%1 (%2): طرح به وضعیت «%3» می‌رود و این در سابقهٔ آن ثبت می‌شود. ادامه می‌دهید؟</translation>
    </message>
    <message>
        <source>Select the item to remove.</source>
        <translation>قلمی را که باید حذف شود انتخاب کنید.</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>حذف قلم</translation>
    </message>
    <message>
        <source>Remove '%1' from the package?</source>
        <translation>«%1» از بسته حذف شود؟</translation>
    </message>
    <message>
        <source>Select the activity to update.</source>
        <translation>فعالیتی را که باید به‌روز شود انتخاب کنید.</translation>
    </message>
</context>
</TS>