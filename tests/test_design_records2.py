"""Records that name the goods by a generic word ("the products sold") hold the key of the goods table."""

from __future__ import annotations

from design_helpers import columns, foreign_keys
from schema_architect.design import design

BAKERY = ("A bakery manages the production, inventory and sales of cakes. Each cake has a name, flavor and price. "
          "Each employee has an employee ID, name and phone. For each production, the system records the produced "
          "product, quantity, producer, and production time. For inventory, the system records the products in "
          "stock, quantity and stock-in time. For sales, the system records the products sold, quantity, "
          "salesperson, and sale time.")


def test_every_record_of_the_goods_holds_the_goods_key():
    result = design(BAKERY)
    for record in ("Production", "Inventory", "Sale"):
        assert foreign_keys(result, record).get("Cake ID") == "Cake", record
        assert not any("Product" in c.split() or "Products" in c.split() for c in columns(result, record)), record


def test_a_product_value_is_no_reference_to_the_goods():
    text = BAKERY.replace("the products sold, quantity", "the product name, quantity")
    assert "Product Name" in columns(design(text), "Sale")


WINERY = ("A winery system manages customer information, product information and sales records. Each product has a "
          "product name and price. Each customer has a name and phone. Each sales record includes the customer, the "
          "sale date and the quantity. The winery also has sales teams with a team name and a leader.")


def test_a_sales_record_is_of_the_one_product_table():
    result = design(WINERY)
    assert foreign_keys(result, "Sales Record").get("Product ID") == "Product"
    assert "Product" not in foreign_keys(result, "Sales Team").values()
