"""A generated shop database (1,000,000 orders) and a workload of 22 query shapes for the advisors.

Built with INSERT ... SELECT generate_series in a few seconds; no index exists beyond the primary
keys, so the foreign keys and filter columns are what the index advisor should find.
"""

from __future__ import annotations

SHOP_SCHEMA = """
CREATE TABLE customer (
    id int PRIMARY KEY,
    email text NOT NULL,
    country text NOT NULL,
    segment text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE product (
    id int PRIMARY KEY,
    category text NOT NULL,
    name text NOT NULL,
    price numeric(10, 2) NOT NULL
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id int NOT NULL,
    product_id int NOT NULL,
    status text NOT NULL,
    amount numeric(10, 2) NOT NULL,
    created_at timestamptz NOT NULL,
    note text
);
"""

SHOP_DATA = """
INSERT INTO customer
SELECT g, 'user' || g || '@example.com', 'C' || (g % 50), (ARRAY['bronze','silver','gold','platinum','staff'])[1 + g % 5],
       timestamptz '2023-01-01' + (g % 730) * interval '1 day' + (g % 86400) * interval '1 second'
FROM generate_series(1, {customers}) g;
INSERT INTO product
SELECT g, 'cat' || (g % 20), 'product ' || g, ((g * 37) % 10000) / 100.0 + 1
FROM generate_series(1, {products}) g;
INSERT INTO orders
SELECT g, 1 + (g::bigint * 7919) % {customers}, 1 + (g::bigint * 104729) % {products},
       (ARRAY['pending','paid','shipped','delivered','returned'])[1 + (g::bigint * 31) % 5],
       ((g::bigint * 7) % 100000) / 10.0,
       timestamptz '2024-01-01' + (g * interval '1 minute') * (525600.0 / {orders}),
       CASE WHEN g % 1000 = 0 THEN 'urgent delivery' ELSE NULL END
FROM generate_series(1, {orders}) g;
-- Foreign keys after the load: one validating join instead of a million row-by-row checks.
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE orders ADD CONSTRAINT orders_product_id_fkey FOREIGN KEY (product_id) REFERENCES product (id);
ANALYZE customer; ANALYZE product; ANALYZE orders;
"""

SHOP_WORKLOAD = """
SELECT * FROM orders WHERE customer_id = 42;
SELECT * FROM orders WHERE customer_id = 4242;
SELECT count(*) FROM orders WHERE customer_id = 7 AND status = 'shipped';
SELECT * FROM orders WHERE created_at BETWEEN '2024-03-01' AND '2024-03-01 06:00';
SELECT id, amount FROM orders WHERE product_id = 15 ORDER BY created_at DESC LIMIT 10;
SELECT o.id, c.email FROM orders o JOIN customer c ON c.id = o.customer_id WHERE c.email = 'user5@example.com';
SELECT * FROM customer WHERE email = 'user77@example.com';
SELECT * FROM customer WHERE country = 'C7' AND created_at > '2024-12-25';
SELECT sum(amount) FROM orders WHERE status = 'returned' AND created_at >= '2024-05-01' AND created_at < '2024-05-02';
SELECT * FROM orders WHERE id = 5;
UPDATE orders SET status = 'paid' WHERE customer_id = 99 AND status = 'pending';
DELETE FROM orders WHERE customer_id = 123 AND created_at < '2020-01-01';
SELECT p.name, count(*) FROM orders o JOIN product p ON p.id = o.product_id WHERE o.created_at > '2024-12-31 12:00' GROUP BY p.name;
SELECT * FROM customer WHERE email LIKE 'user12345%';
SELECT c.country, sum(o.amount) FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.customer_id IN (1, 2, 3) GROUP BY c.country;
SELECT * FROM product WHERE category = 'cat3' ORDER BY price LIMIT 5;
SELECT count(*) FROM orders WHERE status = 'pending';
SELECT * FROM orders WHERE note ILIKE '%urgent%';
SELECT * FROM customer WHERE segment = 'gold' AND country = 'C3' ORDER BY created_at LIMIT 20;
SELECT max(created_at) FROM orders WHERE customer_id = 555;
SELECT * FROM orders o WHERE o.product_id = 77 AND o.status = 'shipped';
SELECT o.* FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.created_at >= '2024-07-01' AND o.created_at < '2024-07-01 01:00' ORDER BY o.created_at;
"""


def build_shop(dsn: str, *, orders: int = 1_000_000, customers: int = 100_000, products: int = 10_000,
               hypopg: bool = True) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        if hypopg:
            conn.execute("CREATE EXTENSION IF NOT EXISTS hypopg")
        conn.execute(SHOP_SCHEMA)
        conn.execute(SHOP_DATA.format(orders=orders, customers=customers, products=products))


def plain_dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")
