# Sourced by the bench scripts: recreates database $1 on the local MariaDB (root over the socket), grants it to the
# account gatehouse/gatehouse on 127.0.0.1, and points the server's settings at it.
fresh_database() {
  mysql -uroot <<SQL
DROP DATABASE IF EXISTS $1;
CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'gatehouse'@'127.0.0.1' IDENTIFIED BY 'gatehouse';
GRANT ALL PRIVILEGES ON $1.* TO 'gatehouse'@'127.0.0.1';
SQL
  export GATEHOUSE_DB_URL="jdbc:mysql://127.0.0.1:3306/$1?useSSL=false&allowPublicKeyRetrieval=true"
  export GATEHOUSE_DB_USER=gatehouse GATEHOUSE_DB_PASSWORD=gatehouse
}
