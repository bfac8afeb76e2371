"""The web app: REST API, chat assistant, app database and the safety layer for users' databases."""
