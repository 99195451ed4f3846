<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>OfficeDetailsDialog</name>
    <message>
        <source>Secretariat details</source>
        <translation>مشخصات دبیرخانه</translation>
    </message>
    <message>
        <source>Head of the secretariat:</source>
        <translation>رئیس دبیرخانه:</translation>
    </message>
    <message>
        <source>Head's post as signed:</source>
        <translation>سمت رئیس در امضا:</translation>
    </message>
    <message>
        <source>Secretary:</source>
        <translation>دبیر:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>نشانی:</translation>
    </message>
    <message>
        <source>Postal code:</source>
        <translation>کد پستی:</translation>
    </message>
    <message>
        <source>Telephone:</source>
        <translation>تلفن:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>رایانامه:</translation>
    </message>
    <message>
        <source>Line under the letterhead:</source>
        <translation>سطر زیر سربرگ:</translation>
    </message>
    <message>
        <source>Only the administrator or the secretary may change these details.</source>
        <translation>فقط مدیر سامانه یا دبیر کارگروه این مشخصات را تغییر می‌دهد.</translation>
    </message>
    <message>
        <source>Letterhead printed at the top of documents</source>
        <translation>سربرگی که بالای اسناد چاپ می‌شود</translation>
    </message>
    <message>
        <source>A PNG or JPEG image of at most 1 MB. Without one, the organisation's name is printed.</source>
        <translation>تصویر PNG یا JPEG حداکثر ۱ مگابایت. بی‌تصویر، نام سازمان چاپ می‌شود.</translation>
    </message>
    <message>
        <source>Choose an image…</source>
        <translation>انتخاب تصویر…</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>حذف تصویر</translation>
    </message>
    <message>
        <source>TPO liaison for this province (F2-1)</source>
        <translation>نمایندهٔ ارتباطی سازمان توسعه تجارت با این استان (F2-1)</translation>
    </message>
    <message>
        <source>Not received from TPO yet; it comes with the centre's next bundle.</source>
        <translation>هنوز از سازمان توسعه تجارت نرسیده است؛ با بستهٔ بعدی مرکز می‌رسد.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>سمت:</translation>
    </message>
    <message>
        <source>No letterhead image: the organisation's name is printed.</source>
        <translation>تصویر سربرگ ندارد: نام سازمان چاپ می‌شود.</translation>
    </message>
    <message>
        <source>Letterhead image</source>
        <translation>تصویر سربرگ</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>تصویرها (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>در حال خواندن تصویر…</translation>
    </message>
    <message>
        <source>Saving the secretariat's details…</source>
        <translation>در حال ذخیرهٔ مشخصات دبیرخانه…</translation>
    </message>
</context>
</TS>