"""The civic topics consultations and surveys name, as the API lists them."""
