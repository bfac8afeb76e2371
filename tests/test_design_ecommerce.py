"""The e-commerce description of issue 5 yields the expected tables, keys and constraints."""

from __future__ import annotations

import sqlite3

from schema_architect.design import design
from schema_architect.design.naming import apply_naming
from schema_architect.sql.render import render_statements

# The issue's description (users with email, password, name and multiple addresses; products with
# name, description, price and inventory; orders that contain multiple products with quantities;
# reviews where users rate and review products; payment methods linked to users; wishlists with
# products), written out as sentences, with the rating range stated.
ECOMMERCE = (
    "Users have an email, password, name, and multiple addresses. "
    "Products have a name, description, price, and inventory. "
    "Each order is placed by a user and contains multiple products with quantities. "
    "Reviews record a rating from 1 to 5 and a comment; each review is written by a user about a product. "
    "Each user has multiple payment methods. "
    "Users can add multiple products to their wishlist, and each product can be wishlisted by multiple users."
)


def fks(table):
    return {(tuple(fk.columns), fk.ref_table) for fk in table.foreign_keys}


def test_ecommerce_tables_and_keys():
    schema = design(ECOMMERCE).schema
    assert set(schema.table_names) == {"User", "Address", "Product", "Order", "Order Item", "Review",
                                       "Payment Method", "Wishlist"}
    user = schema.table("User")
    assert {"Email", "Password", "Name"} <= set(user.column_names)
    assert user.primary_key_columns == ["User ID"]
    assert user.is_unique_on(["Email"])

    assert fks(schema.table("Address")) == {(("User ID",), "User")}
    assert fks(schema.table("Payment Method")) == {(("User ID",), "User")}
    assert fks(schema.table("Order")) == {(("User ID",), "User")}

    item = schema.table("Order Item")
    assert item.primary_key_columns == ["Order ID", "Product ID"]
    assert fks(item) == {(("Order ID",), "Order"), (("Product ID",), "Product")}
    assert {"Quantity", "Price at Purchase"} <= set(item.column_names)
    assert item.column("Quantity").type.is_integer
    assert item.column("Price at Purchase").type.kind.value == "decimal"

    review = schema.table("Review")
    assert fks(review) == {(("User ID",), "User"), (("Product ID",), "Product")}
    assert [c.expression for c in review.check_constraints] == ['"Rating" BETWEEN 1 AND 5']

    wish = schema.table("Wishlist")
    assert wish.primary_key_columns == ["User ID", "Product ID"]
    assert wish.column_names == ["User ID", "Product ID"]  # the order's quantities are not the wishlist's
    assert fks(wish) == {(("User ID",), "User"), (("Product ID",), "Product")}


def test_ecommerce_ddl_enforces_the_rating_range():
    schema = apply_naming(design(ECOMMERCE).schema, "snake_plural")
    assert "reviews" in schema.table_names and "order_items" in schema.table_names
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA foreign_keys = ON")
    for stmt in render_statements(schema, "sqlite"):
        db.execute(stmt)
    db.execute("INSERT INTO users (user_id, email) VALUES (1, 'a@example.com')")
    db.execute("INSERT INTO products (product_id, name, price) VALUES (1, 'pen', 2.50)")
    db.execute("INSERT INTO reviews (review_id, rating, user_id, product_id) VALUES (1, 5, 1, 1)")
    for bad in ("INSERT INTO reviews (review_id, rating, user_id, product_id) VALUES (2, 6, 1, 1)",
                "INSERT INTO reviews (review_id, rating, user_id, product_id) VALUES (3, 4, 99, 1)",
                "INSERT INTO users (user_id, email) VALUES (2, 'a@example.com')"):
        try:
            db.execute(bad)
        except sqlite3.IntegrityError:
            continue
        raise AssertionError(f"accepted: {bad}")


# The issue's description word for word, in its telegraphic style.
ECOMMERCE_AS_WRITTEN = (
    "users with email, password, name, and multiple addresses; products with name, description, price, and "
    "inventory; orders that contain multiple products with quantities; reviews where users rate and review "
    "products; payment methods linked to users; wishlists with products"
)


def test_ecommerce_as_the_issue_writes_it():
    schema = design(ECOMMERCE_AS_WRITTEN).schema
    assert {"User", "Address", "Product", "Order", "Review", "Payment Method", "Wishlist"} <= set(schema.table_names)
    assert {"Email", "Password", "Name"} <= set(schema.table("User").column_names)
    assert {"Name", "Description", "Price", "Inventory"} <= set(schema.table("Product").column_names)
    assert fks(schema.table("Address")) == {(("User ID",), "User")}
    assert fks(schema.table("Payment Method")) == {(("User ID",), "User")}
    assert fks(schema.table("Review")) == {(("User ID",), "User"), (("Product ID",), "Product")}
    line = schema.table("Order Item")
    assert fks(line) == {(("Order ID",), "Order"), (("Product ID",), "Product")}
    assert "Quantity" in line.column_names
    assert "Order ID" not in schema.table("Product").column_names
    holders = [t for t in schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Wishlist", "Product"}]
    assert holders, schema.table_names
