<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ClusterForm</name>
    <message>
        <source>Cluster profile</source>
        <translation>مشخصات خوشه</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>لغو تغییرات</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>County:</source>
        <translation>شهرستان:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>شهر:</translation>
    </message>
    <message>
        <source>Sector:</source>
        <translation>رشتهٔ فعالیت:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
    <message>
        <source>On the national cluster map (national priority)</source>
        <translation>در نقشهٔ ملی خوشه‌ها (اولویت ملی)</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <source>Size, production and exports</source>
        <translation>اندازه، تولید و صادرات</translation>
    </message>
    <message>
        <source>Number of firms:</source>
        <translation>تعداد بنگاه‌ها:</translation>
    </message>
    <message>
        <source>Employees:</source>
        <translation>تعداد شاغلان:</translation>
    </message>
    <message>
        <source>Yearly production (rial):</source>
        <translation>تولید سالانه (ریال):</translation>
    </message>
    <message>
        <source>Yearly exports (USD):</source>
        <translation>صادرات سالانه (دلار):</translation>
    </message>
    <message>
        <source>Managing legal entity</source>
        <translation>شخصیت حقوقی مدیریت خوشه</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>e.g. cooperative, company, association</source>
        <translation>مثلاً تعاونی، شرکت، انجمن</translation>
    </message>
    <message>
        <source>Registration number:</source>
        <translation>شمارهٔ ثبت:</translation>
    </message>
    <message>
        <source>Contact and address</source>
        <translation>رابط و نشانی</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>نام رابط:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>تلفن:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>رایانامه:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>نشانی:</translation>
    </message>
    <message>
        <source>Products and HS codes</source>
        <translation>محصولات و کدهای تعرفه</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>کد تعرفه</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>محصول</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>افزودن محصول</translation>
    </message>
    <message>
        <source>Remove product</source>
        <translation>حذف محصول</translation>
    </message>
    <message>
        <source>Target markets</source>
        <translation>بازارهای هدف</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>کشور</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>سهم (درصد)</translation>
    </message>
    <message>
        <source>Add market</source>
        <translation>افزودن بازار</translation>
    </message>
    <message>
        <source>Remove market</source>
        <translation>حذف بازار</translation>
    </message>
    <message>
        <source>Firms</source>
        <translation>بنگاه‌ها</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>بنگاه</translation>
    </message>
    <message>
        <source>National id</source>
        <translation>شناسهٔ ملی</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>شاغلان</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>صادرکننده</translation>
    </message>
    <message>
        <source>Add firm</source>
        <translation>افزودن بنگاه</translation>
    </message>
    <message>
        <source>Remove firm</source>
        <translation>حذف بنگاه</translation>
    </message>
    <message>
        <source>Yearly figures</source>
        <translation>آمار سالانه</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Production (rial)</source>
        <translation>تولید (ریال)</translation>
    </message>
    <message>
        <source>Exports (USD)</source>
        <translation>صادرات (دلار)</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>افزودن سال</translation>
    </message>
    <message>
        <source>Remove year</source>
        <translation>حذف سال</translation>
    </message>
</context>
</TS>