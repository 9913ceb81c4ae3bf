-- Creates the database and the account Gatehouse connects with. Run once as an administrator:
--   mysql -uroot -p < server-config/mysql/create-database.sql
-- Change the password (and keep it out of the WAR: give it to Gatehouse as GATEHOUSE_DB_PASSWORD).
-- utf8mb4_bin: client ids and redirect URIs must compare exactly, byte for byte.
CREATE DATABASE IF NOT EXISTS gatehouse CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'gatehouse'@'%' IDENTIFIED BY 'change-me';
-- Gatehouse applies its own schema migrations at start-up (Flyway); for that it needs DDL rights on its database.
-- DBAs who apply schema.sql by hand can grant only SELECT, INSERT, UPDATE, DELETE and set GATEHOUSE_DB_MIGRATE=false.
GRANT ALL PRIVILEGES ON gatehouse.* TO 'gatehouse'@'%';
