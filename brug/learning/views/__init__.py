"""Thin views. Facilitator pages: leernetwerk/edities/…; participant pages: leernetwerk/deelname/…"""
