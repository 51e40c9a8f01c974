"""What the officials' consultations and surveys share: who may ask whom and read what, the
areas named, the API's common work and fields, and results as readers see them."""
