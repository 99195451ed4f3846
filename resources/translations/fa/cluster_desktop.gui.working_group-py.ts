<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>WorkingGroupView</name>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>جایگاه</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Minutes no.</source>
        <translation>شمارهٔ صورتجلسه</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>محل</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>حاضران</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>تصمیم‌ها</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>تصمیم</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <translation>رئیس: %1</translation>
    </message>
    <message>
        <source>Secretary: %1</source>
        <translation>دبیر: %1</translation>
    </message>
    <message>
        <source>Telephone: %1</source>
        <translation>تلفن: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>رایانامه: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>نشانی: %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>former member</source>
        <translation>عضو پیشین</translation>
    </message>
    <message>
        <source>finalized</source>
        <translation>نهایی‌شده</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>Select a meeting first.</source>
        <translation>نخست جلسه‌ای را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Preview and print the selected meeting's minutes with its decisions.</source>
        <translation>پیش‌نمایش و چاپ صورتجلسهٔ جلسهٔ انتخاب‌شده همراه با تصمیم‌های آن.</translation>
    </message>
    <message>
        <source>No meeting recorded yet.</source>
        <translation>هنوز جلسه‌ای ثبت نشده است.</translation>
    </message>
    <message>
        <source>Minutes %1 of %2</source>
        <translation>صورتجلسهٔ %1 مورخ %2</translation>
    </message>
    <message>
        <source>Attendees: %1</source>
        <translation>حاضران: %1</translation>
    </message>
    <message>
        <source>Agenda: %1</source>
        <translation>دستور جلسه: %1</translation>
    </message>
    <message>
        <source>Resolutions:</source>
        <translation>مصوبات:</translation>
    </message>
    <message>
        <source>Deactivate member</source>
        <translation>غیرفعال کردن عضو</translation>
    </message>
    <message>
        <source>%1 leaves the working group; past attendance and scores stay. Go on?</source>
        <translation>«%1» از کارگروه خارج می‌شود؛ حضور در جلسات و امتیازهای گذشته‌اش می‌ماند. ادامه می‌دهید؟</translation>
    </message>
    <message>
        <source>Finalize minutes</source>
        <translation>نهایی کردن صورتجلسه</translation>
    </message>
    <message>
        <source>Finalized minutes can no longer be changed. Finalize them?</source>
        <translation>صورتجلسهٔ نهایی‌شده دیگر تغییر نمی‌کند. نهایی شود؟</translation>
    </message>
</context>
</TS>