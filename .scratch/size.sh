f=$1
sqlite3 "$f" "SELECT name, ROUND(SUM(pgsize)/1e6,1) AS mb FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 14; PRAGMA freelist_count; PRAGMA page_count;"
