<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>عمل</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <source>The audit chain breaks at this entry.</source>
        <translation>زنجیرهٔ گزارش ممیزی در این ردیف گسسته است.</translation>
    </message>
</context>
</TS>